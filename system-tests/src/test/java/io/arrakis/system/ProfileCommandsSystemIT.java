package io.arrakis.system;

import static io.arrakis.system.SietchSystem.ephemeral;
import static io.arrakis.system.SietchSystem.field;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.emulator.InteractionRef;
import io.arrakis.redis.Redis;
import io.arrakis.redis.RedisSettings;
import io.arrakis.state.IdempotencyClaims;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Profiles end to end: the DM onboarding wizard (spec §8.2) clicked in the emulator's DMs, through
 * the ingestor and RabbitMQ, answered by worker jars — the wizard starts on one worker, that worker
 * is killed, and a second worker finishes it from the session in Redis — to a profile read back
 * from PostgreSQL; then {@code /profile view} shows it, a taken nym is refused, and {@code /profile
 * edit} DMs its menu (delivered by the ingestor) whose buttons save and end the session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProfileCommandsSystemIT {
  /** The ingestor's and the worker's Redis databases as assigned to this test. */
  private static final int REDIS_DB = 26;

  private static final int WORKER_REDIS_DB = 27;

  /**
   * A stock Redis has 16 databases: without 26/27 ingestor and workers share database 2, which no
   * other system test uses (their keys do not overlap: checkpoints and budgets vs sessions).
   */
  private static final int FALLBACK_REDIS_DB = 2;

  private static final Duration ANSWER = Duration.ofSeconds(15);
  private static final String NYM = "Liet_Kynes";
  private static final String BIO = "Planetologist. Water is life.";

  private SietchSystem sys;
  private String workerRedisUrl;
  private AppProcess firstWorker;
  private long member; // linked to the wallet ranked 40: eligible (Fedaykin)
  private String cid;

  @BeforeAll
  void start() throws Exception {
    boolean assigned = AppProcess.hasDatabase(WORKER_REDIS_DB);
    int ingestorDb = assigned ? REDIS_DB : FALLBACK_REDIS_DB;
    int workerDb = assigned ? WORKER_REDIS_DB : FALLBACK_REDIS_DB;
    workerRedisUrl = "redis://127.0.0.1:6379/" + workerDb;
    sys = SietchSystem.start("profile", ingestorDb, workerRedisUrl);
    if (assigned) {
      AppProcess.flushRedis(workerDb);
    }
    SietchSystem.Run registered = sys.registerCommands();
    assertThat(registered.exitCode()).as(registered.output()).isZero();
    firstWorker = sys.startWorker("profile-worker-1");
    member = sys.members.get(1);
    cid = sys.community.toString();
  }

  @AfterAll
  void stop() throws Exception {
    if (sys != null) {
      sys.close();
    }
  }

  // ---- driving the emulator

  private JsonNode dmButton(long user, String customId) throws Exception {
    return dmButton(user, customId, null);
  }

  /** A button on the DM message {@code messageId} (so an update edits it), or on none. */
  private JsonNode dmButton(long user, String customId, String messageId) throws Exception {
    ObjectNode req = SietchSystem.JSON.createObjectNode();
    req.put("dm", true);
    req.put("user_id", Long.toUnsignedString(user));
    req.put("custom_id", customId);
    if (messageId != null) {
      req.put("message_id", messageId);
    }
    return await(sys.emulator.control().button(req));
  }

  /**
   * The generated picture as the emulator stored it with {@code message}: one PNG attachment the
   * embed shows as its thumbnail, 200×200 when decoded. Returns its bytes.
   */
  private byte[] generatedPicture(JsonNode message) throws Exception {
    JsonNode attachments = message.path("attachments");
    assertThat(attachments).as("attachments of " + message).hasSize(1);
    JsonNode png = attachments.get(0);
    assertThat(png.path("filename").asText()).isEqualTo("avatar.png");
    assertThat(png.path("content_type").asText()).isEqualTo("image/png");
    assertThat(png.path("width").asInt()).isEqualTo(200);
    assertThat(png.path("height").asInt()).isEqualTo(200);
    String url = png.path("url").asText();
    assertThat(message.path("embeds").get(0).path("thumbnail").path("url").asText())
        .as("the embed shows the uploaded file")
        .isEqualTo(url);
    byte[] bytes = sys.emulator.control().attachment(url).orElseThrow();
    assertThat(bytes).hasSize(png.path("size").asInt());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(image).as("decodes as an image").isNotNull();
    assertThat(image.getWidth()).isEqualTo(200);
    assertThat(image.getHeight()).isEqualTo(200);
    return bytes;
  }

  private JsonNode dmModal(long user, String customId, Map<String, String> fields)
      throws Exception {
    ObjectNode req = SietchSystem.JSON.createObjectNode();
    req.put("dm", true);
    req.put("user_id", Long.toUnsignedString(user));
    req.put("custom_id", customId);
    req.set("fields", SietchSystem.JSON.valueToTree(fields));
    return await(sys.emulator.control().modalSubmit(req));
  }

  private JsonNode await(InteractionRef ref) throws Exception {
    return sys.awaitConversation(ref, c -> c.path("acknowledged").asBoolean(), ANSWER);
  }

  /** Waits until a worker has marked the interaction of {@code conversation} done. */
  private void awaitHandled(JsonNode conversation) throws Exception {
    String key = "interaction:" + conversation.path("id").asText();
    try (Redis redis = Redis.connect(RedisSettings.defaults(URI.create(workerRedisUrl)))) {
      IdempotencyClaims claims = redis.idempotencyClaims();
      long deadline = System.nanoTime() + ANSWER.toNanos();
      // the claim exists (taken before the answer), so asking only reads its state
      while (!(claims.claim(key, Duration.ofMinutes(1)) instanceof IdempotencyClaims.AlreadyDone)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(key + " not marked done within " + ANSWER);
        }
        Thread.sleep(20);
      }
    }
  }

  /** The conversation as it is now (e.g. after a later button updated its message). */
  private JsonNode reread(JsonNode conversation) {
    return sys.emulator
        .control()
        .conversation(Long.parseUnsignedLong(conversation.path("id").asText()))
        .orElseThrow();
  }

  /** The accepted callback's body: {@code {type, data}}. */
  private static JsonNode callback(JsonNode conversation) {
    for (JsonNode e : conversation.path("events")) {
      if (e.path("kind").asText().equals("callback") && e.path("status").asInt() < 300) {
        return e.path("body");
      }
    }
    throw new AssertionError("no accepted callback in " + conversation);
  }

  private static List<String> buttons(JsonNode message) {
    List<String> ids = new ArrayList<>();
    for (JsonNode row : message.path("components")) {
      for (JsonNode c : row.path("components")) {
        ids.add(c.path("custom_id").asText());
      }
    }
    return ids;
  }

  private Optional<Profile> profileOf(long user) throws Exception {
    return sys.db
        .postgres
        .unitOfWork()
        .inCommunity(
            sys.community,
            () ->
                sys.db.postgres.repositories().profiles().byUser(sys.community, new UserId(user)));
  }

  // ---- the tests

  @Test
  @Order(1)
  void onboardingWizardInDms_startedOnOneWorkerAndFinishedOnAnother_createsTheProfile()
      throws Exception {
    // Start opens the nym modal
    JsonNode start = callback(dmButton(member, "onboarding_start:" + cid));
    assertThat(start.path("type").asInt()).as("modal").isEqualTo(9);
    assertThat(start.path("data").path("custom_id").asText())
        .isEqualTo("onboarding_modal_nym:" + cid);

    // the nym: the picture step with its three buttons
    JsonNode pictureStep = dmModal(member, "onboarding_modal_nym:" + cid, Map.of("nym", NYM));
    JsonNode picture = callback(pictureStep);
    String wizardMessage = SietchSystem.message(pictureStep).path("id").asText();
    assertThat(picture.path("type").asInt()).isEqualTo(4);
    assertThat(picture.path("data").path("embeds").get(0).path("title").asText())
        .isEqualTo("Choose a profile picture");
    assertThat(buttons(picture.path("data")))
        .containsExactly(
            "onboarding_pfp_upload:" + cid,
            "onboarding_pfp_generate:" + cid,
            "onboarding_pfp_skip:" + cid);

    // the first worker dies; the wizard goes on from Redis on a second one. It dies once it has
    // finished with the nym: killed between answering and marking the interaction done (a window
    // of milliseconds), the redelivery would run the nym step again on the second worker.
    awaitHandled(pictureStep);
    firstWorker.close();
    AppProcess secondWorker = sys.startWorker("profile-worker-2");

    JsonNode bioStep = callback(dmButton(member, "onboarding_pfp_generate:" + cid, wizardMessage));
    assertThat(bioStep.path("type").asInt()).as("the wizard message moves on").isEqualTo(7);
    JsonNode bioEmbed = bioStep.path("data").path("embeds").get(0);
    assertThat(bioEmbed.path("title").asText()).isEqualTo("Add a short bio?");
    assertThat(field(bioEmbed, "Picture")).isEqualTo("Generated");
    assertThat(bioEmbed.path("thumbnail").path("url").asText())
        .isEqualTo("attachment://avatar.png");
    // the update carried the PNG as a file: the wizard message now shows it
    JsonNode updated = SietchSystem.message(reread(pictureStep));
    assertThat(updated.path("embeds").get(0).path("title").asText()).isEqualTo("Add a short bio?");
    byte[] preview = generatedPicture(updated);

    JsonNode bioModal = callback(dmButton(member, "onboarding_bio_add:" + cid));
    assertThat(bioModal.path("type").asInt()).isEqualTo(9);
    assertThat(bioModal.path("data").path("custom_id").asText())
        .isEqualTo("onboarding_modal_bio:" + cid);

    JsonNode finished = dmModal(member, "onboarding_modal_bio:" + cid, Map.of("bio", BIO));
    JsonNode done = callback(finished);
    JsonNode welcome = done.path("data").path("embeds").get(0);
    byte[] welcomePicture = generatedPicture(SietchSystem.message(finished));
    assertThat(welcomePicture)
        .as("same member and seed, same tier palette: the same picture")
        .isEqualTo(preview);
    // nobody else is a member yet, so the first member fills Naib seat #1 (spec §5.2)
    assertThat(welcome.path("title").asText())
        .isEqualTo("Welcome to the council, " + NYM + " — you hold Naib seat #1");

    Profile profile = profileOf(member).orElseThrow();
    assertThat(profile.nym()).isEqualTo(NYM);
    assertThat(profile.bio()).hasValue(BIO);
    assertThat(profile.pictureType()).isEqualTo(PictureType.GENERATED);
    assertThat(profile.pictureSeed()).isPresent();
    assertThat(profile.active()).isTrue();
    assertThat(profile.tier().map(t -> t.id())).hasValue("fedaykin");
    assertThat(firstWorker.isAlive()).as("the wizard's first worker is gone").isFalse();
    assertThat(secondWorker.isAlive()).isTrue();
  }

  @Test
  @Order(2)
  void profileViewShowsTheNewMember_publiclyByNymAndPrivatelyToThemselves() throws Exception {
    JsonNode byNym =
        sys.awaitConversation(
            sys.command(sys.members.get(5), "profile", "view", Map.of("nym", NYM.toLowerCase())),
            SietchSystem::answered,
            ANSWER);
    JsonNode card = SietchSystem.message(byNym);
    assertThat(ephemeral(card)).isFalse();
    JsonNode embed = card.path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("⚔️ " + NYM);
    assertThat(embed.path("description").asText()).isEqualTo(BIO);
    assertThat(field(embed, "Tier")).isEqualTo("⚔️ Fedaykin");
    assertThat(embed.path("footer").path("text").asText())
        .isEqualTo("Wallets and Discord identities are never shown.");
    byte[] publicPicture = generatedPicture(card);

    JsonNode own =
        sys.awaitConversation(
            sys.command(member, "profile", "view", Map.of()), SietchSystem::answered, ANSWER);
    assertThat(ephemeral(SietchSystem.message(own))).isTrue();
    assertThat(SietchSystem.message(own).path("embeds").get(0).path("footer").path("text").asText())
        .isEqualTo("Edit with /profile edit");
    assertThat(generatedPicture(SietchSystem.message(own)))
        .as("deterministic: both cards upload the same bytes")
        .isEqualTo(publicPicture);
  }

  @Test
  @Order(3)
  void aTakenNymIsRefusedWithTryAgain_andNoProfileIsCreated() throws Exception {
    long other = sys.members.get(0); // linked to the wallet ranked 3
    assertThat(callback(dmButton(other, "onboarding_start:" + cid)).path("type").asInt())
        .isEqualTo(9);

    JsonNode refused =
        callback(dmModal(other, "onboarding_modal_nym:" + cid, Map.of("nym", NYM.toUpperCase())));

    assertThat(refused.path("type").asInt()).isEqualTo(4);
    assertThat(refused.path("data").path("content").asText())
        .isEqualTo("That nym is already taken.");
    assertThat(refused.path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
    assertThat(buttons(refused.path("data"))).containsExactly("onboarding_start:" + cid);
    assertThat(profileOf(other)).isEmpty();
  }

  @Test
  @Order(4)
  void aStepWithoutSessionAnswersExpiredWithStart_andAnUnknownNymIsNoMember() throws Exception {
    JsonNode expired = callback(dmButton(sys.members.get(6), "onboarding_bio_skip:" + cid));
    assertThat(expired.path("data").path("content").asText())
        .isEqualTo("Your onboarding session expired. Press Start to begin again.");
    assertThat(buttons(expired.path("data"))).containsExactly("onboarding_start:" + cid);

    JsonNode unknown =
        sys.awaitConversation(
            // another member than above: /profile has a 3-second per-user cooldown
            sys.command(sys.members.get(7), "profile", "view", Map.of("nym", "Nobody")),
            SietchSystem::answered,
            ANSWER);
    assertThat(SietchSystem.message(unknown).path("content").asText())
        .isEqualTo("No member named Nobody.");
    assertThat(ephemeral(SietchSystem.message(unknown))).isTrue();
  }

  @Test
  @Order(5)
  void profileEditSendsTheMenuAsADm_andItsButtonsSaveAndEndTheSession() throws Exception {
    Thread.sleep(3_100); // the member ran /profile view above: the per-user cooldown is 3 s
    JsonNode edit =
        sys.awaitConversation(
            sys.command(member, "profile", "edit", Map.of()), SietchSystem::answered, ANSWER);
    assertThat(SietchSystem.message(edit).path("content").asText()).isEqualTo("Check your DMs.");
    assertThat(ephemeral(SietchSystem.message(edit))).isTrue();

    // the ingestor delivers the menu as a DM
    JsonNode menu = null;
    long deadline = System.nanoTime() + ANSWER.toNanos();
    while (menu == null && System.nanoTime() < deadline) {
      for (JsonNode m : sys.emulator.control().directMessages(member)) {
        if (m.path("embeds").path(0).path("title").asText().equals("Edit your profile")) {
          menu = m;
        }
      }
      Thread.sleep(50);
    }
    assertThat(menu).as("the edit menu DM").isNotNull();
    assertThat(field(menu.path("embeds").get(0), "Nym")).isEqualTo(NYM);
    assertThat(buttons(menu))
        .containsExactly(
            "edit_nym:" + cid, "edit_bio:" + cid, "edit_pfp:" + cid, "edit_done:" + cid);

    ObjectNode remove = SietchSystem.JSON.createObjectNode();
    remove.put("dm", true);
    remove.put("user_id", Long.toUnsignedString(member));
    remove.put("custom_id", "edit_pfp_remove:" + cid);
    remove.put("message_id", menu.path("id").asText());
    JsonNode removed = callback(await(sys.emulator.control().button(remove)));
    assertThat(removed.path("type").asInt()).isEqualTo(7);
    assertThat(removed.path("data").path("content").asText()).isEqualTo("Picture removed.");
    assertThat(profileOf(member).orElseThrow().pictureType()).isEqualTo(PictureType.NONE);

    JsonNode done = callback(dmButton(member, "edit_done:" + cid));
    assertThat(done.path("data").path("content").asText()).isEqualTo("Profile saved.");
    JsonNode expired = callback(dmButton(member, "edit_bio:" + cid));
    assertThat(expired.path("data").path("content").asText())
        .isEqualTo("This edit session expired. Run /profile edit again.");
  }
}
