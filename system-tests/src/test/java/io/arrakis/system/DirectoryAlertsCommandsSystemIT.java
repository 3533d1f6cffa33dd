package io.arrakis.system;

import static io.arrakis.system.SietchSystem.JSON;
import static io.arrakis.system.SietchSystem.ephemeral;
import static io.arrakis.system.SietchSystem.field;
import static io.arrakis.system.SietchSystem.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.domain.alerts.AlertFrequency;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.emulator.InteractionRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.Jedis;

/**
 * {@code /directory} and {@code /alerts} end to end (spec §15.4, §15.10): a member runs the command
 * in the emulator, clicks the real buttons and picks in the real selects of the answer; the worker
 * (its jar, no token) answers through the interaction endpoints, editing the message in place,
 * keeping the directory's view in Redis and the alert preferences in PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryAlertsCommandsSystemIT {
  /**
   * The Redis database assigned to this test for the ingestor (the worker's would be 21). A stock
   * Redis has 16 databases: then the ingestor uses {@link #FALLBACK_INGESTOR_DB}, and the worker
   * always gets a private {@code redis-server} on a free port, so the directory sessions this test
   * reads cannot meet another system test's state.
   */
  private static final int REDIS_DB = 20;

  private static final int FALLBACK_INGESTOR_DB = 1;
  private static final Duration ANSWER = Duration.ofSeconds(10);

  /** Nyms of the seeded members, by emulator member index (7 has no profile). */
  private static final List<String> NYMS =
      List.of("alia", "Bijaz", "chani", "Duncan", "Esmar", "Farok", "Gurney");

  private static final List<Tier> TIERS =
      List.of(
          Tier.FEDAYKIN,
          Tier.HAJRA,
          Tier.FEDAYKIN,
          Tier.FEDAYKIN,
          Tier.QANAT,
          Tier.USUL,
          Tier.SIHAYA);

  private SietchSystem sys;
  private PrivateRedis workerRedis;
  private final List<Profile> profiles = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    workerRedis = PrivateRedis.start("dirsys-redis");
    int ingestorDb = AppProcess.hasDatabase(REDIS_DB) ? REDIS_DB : FALLBACK_INGESTOR_DB;
    sys = SietchSystem.start("dirsys", ingestorDb, workerRedis.url());
    SietchSystem.Run registered = sys.registerCommands();
    assertThat(registered.exitCode()).as(registered.output()).isZero();
    seedMembers();
    sys.startWorker("dirsys-worker");
  }

  @AfterAll
  void stop() throws Exception {
    if (sys != null) {
      sys.close();
    }
    if (workerRedis != null) {
      workerRedis.close();
    }
  }

  private <T> T inCommunity(Supplier<T> work) {
    return sys.db.postgres.unitOfWork().inCommunity(sys.community, work);
  }

  private Repositories repos() {
    return sys.db.postgres.repositories();
  }

  /**
   * 13 profiles: emulator members 0–6 ({@link #NYMS}) and six users outside the guild (Harah …
   * Mapes); member 7 has none. Badges: chani 3, Kynes 3, alia 2, Gurney 1.
   */
  private void seedMembers() {
    Instant recent = Instant.now().minus(Duration.ofDays(3));
    inCommunity(
        () -> {
          Set<String> known =
              new java.util.HashSet<>(
                  repos().badges().catalogue(sys.community).stream()
                      .map(BadgeDefinition::id)
                      .toList());
          for (BadgeDefinition d : BadgeCatalogue.sietch(69)) {
            if (!known.contains(d.id())) {
              repos().badges().saveDefinition(sys.community, d);
            }
          }
          for (int i = 0; i < NYMS.size(); i++) {
            Instant created =
                NYMS.get(i).equals("chani")
                    ? Instant.now().minus(Duration.ofDays(200))
                    : NYMS.get(i).equals("Gurney")
                        ? Instant.parse("2025-01-10T00:00:00Z")
                        : recent.plusSeconds(i);
            profiles.add(
                profile(sys.members.get(i), NYMS.get(i), Optional.of(TIERS.get(i)), created));
          }
          List<String> outside = List.of("Harah", "Irulan", "Jamis", "Kynes", "Leto", "Mapes");
          List<Optional<Tier>> outsideTiers =
              List.of(
                  Optional.of(Tier.HAJRA),
                  Optional.empty(),
                  Optional.of(Tier.ICHWAN),
                  Optional.of(Tier.MUSHTAMAL),
                  Optional.of(Tier.NAIB),
                  Optional.of(Tier.SAYYADINA));
          for (int i = 0; i < outside.size(); i++) {
            profiles.add(
                profile(
                    7_770_000_000_000_000L + i,
                    outside.get(i),
                    outsideTiers.get(i),
                    recent.plusSeconds(100 + i)));
          }
          badges(byNym("chani"), BadgeCatalogue.OG, BadgeCatalogue.VETERAN, BadgeCatalogue.ELDER);
          badges(byNym("Kynes"), BadgeCatalogue.OG, BadgeCatalogue.VETERAN, BadgeCatalogue.HELPER);
          badges(byNym("alia"), BadgeCatalogue.OG, BadgeCatalogue.HELPER);
          badges(byNym("Gurney"), BadgeCatalogue.OG);
          return null;
        });
  }

  private Profile profile(long user, String nym, Optional<Tier> tier, Instant created) {
    Profile p =
        new Profile(
            MemberId.random(),
            new UserId(user),
            nym,
            Optional.empty(),
            PictureType.NONE,
            Optional.empty(),
            Optional.empty(),
            tier,
            tier.map(t -> created),
            created,
            Optional.empty(),
            false,
            true,
            Optional.empty());
    repos().profiles().save(sys.community, p);
    return p;
  }

  private Profile byNym(String nym) {
    return profiles.stream().filter(p -> p.nym().equals(nym)).findFirst().orElseThrow();
  }

  private void badges(Profile p, String... ids) {
    for (String id : ids) {
      repos()
          .badges()
          .save(
              sys.community,
              new MemberBadge(
                  UUID.randomUUID(),
                  p.memberId(),
                  id,
                  Instant.now(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty()));
    }
  }

  // ---- the user's actions

  private JsonNode run(long user, String command) throws InterruptedException {
    InteractionRef ref = sys.command(user, command, null, Map.of());
    return sys.awaitConversation(ref, SietchSystem::answered, ANSWER);
  }

  private ObjectNode on(long user, String customId, JsonNode message) {
    ObjectNode req = JSON.createObjectNode();
    req.put("guild_id", Long.toUnsignedString(sys.guild));
    req.put("channel_id", message.path("channel_id").asText());
    req.put("user_id", Long.toUnsignedString(user));
    req.put("custom_id", customId);
    req.put("message_id", message.path("id").asText());
    return req;
  }

  /** Clicks a button of {@code message}; returns the click's conversation once acknowledged. */
  private JsonNode click(long user, String customId, JsonNode message) throws Exception {
    pace();
    InteractionRef ref = sys.emulator.control().button(on(user, customId, message));
    return sys.awaitConversation(ref, c -> c.path("acknowledged").asBoolean(), ANSWER);
  }

  /** Picks {@code value} in a string select of {@code message}. */
  private JsonNode pick(long user, String customId, String value, JsonNode message)
      throws Exception {
    pace();
    ObjectNode req = on(user, customId, message);
    req.putArray("values").add(value);
    InteractionRef ref = sys.emulator.control().select(req);
    return sys.awaitConversation(ref, c -> c.path("acknowledged").asBoolean(), ANSWER);
  }

  /** Stays under the 5 interactions per second and user of spec §1.1. */
  private static void pace() throws InterruptedException {
    Thread.sleep(300);
  }

  /** The command's message as it is now (components edit it in place). */
  private JsonNode current(JsonNode commandConversation) {
    return sys.emulator
        .control()
        .conversation(Long.parseUnsignedLong(commandConversation.path("id").asText()))
        .orElseThrow()
        .path("original");
  }

  private static JsonNode embed(JsonNode message) {
    return message.path("embeds").get(0);
  }

  private static List<String> lines(JsonNode message) {
    return List.of(embed(message).path("description").asText().split("\n"));
  }

  private static List<String> nyms(JsonNode message) {
    return lines(message).stream().map(l -> l.replaceAll("^.*\\*\\*(.+)\\*\\*.*$", "$1")).toList();
  }

  /** The component with this custom id (or id prefix) in the message's rows. */
  private static JsonNode component(JsonNode message, String customId) {
    for (JsonNode row : message.path("components")) {
      for (JsonNode c : row.path("components")) {
        if (c.path("custom_id").asText().equals(customId)) {
          return c;
        }
      }
    }
    throw new AssertionError("no component " + customId + " in " + message);
  }

  private static String footer(JsonNode message) {
    return embed(message).path("footer").path("text").asText();
  }

  // ---- /directory

  @Test
  void directoryPagesFiltersAndSortsThroughRealClicks_withTheViewInRedis() throws Exception {
    long viewer = sys.members.get(0);
    JsonNode conversation = run(viewer, "directory");

    assertThat(conversation.path("callback_type").asInt()).as("direct answer").isEqualTo(4);
    JsonNode page1 = message(conversation);
    assertThat(ephemeral(page1)).isTrue();
    assertThat(embed(page1).path("title").asText()).isEqualTo("Member Directory");
    assertThat(footer(page1)).isEqualTo("Page 1/2 • 13 total members");
    assertThat(nyms(page1))
        .containsExactly(
            "alia", "Bijaz", "chani", "Duncan", "Esmar", "Farok", "Gurney", "Harah", "Irulan",
            "Jamis");
    assertThat(lines(page1).get(0)).isEqualTo("1. ⚔️ **alia** · Member · (2 badges)");
    assertThat(lines(page1).get(6)).isEqualTo("7. 💧 **Gurney** · OG · (1 badge)");
    assertThat(page1.path("components")).hasSize(3);
    assertThat(component(page1, "directory_tier").path("type").asInt()).isEqualTo(3);
    assertThat(component(page1, "directory_sort").path("type").asInt()).isEqualTo(3);
    assertThat(component(page1, "directory_prev").path("disabled").asBoolean()).isTrue();
    assertThat(component(page1, "directory_next").path("disabled").asBoolean()).isFalse();

    // next: the same message, edited in place
    JsonNode next = click(viewer, "directory_next", page1);
    assertThat(next.path("callback_type").asInt()).as("message update").isEqualTo(7);
    JsonNode page2 = current(conversation);
    assertThat(page2.path("id").asText()).isEqualTo(page1.path("id").asText());
    assertThat(ephemeral(page2)).isTrue();
    assertThat(footer(page2)).isEqualTo("Page 2/2 • 13 total members");
    assertThat(nyms(page2)).containsExactly("Kynes", "Leto", "Mapes");
    assertThat(lines(page2).get(0)).startsWith("11. ");
    assertThat(component(page2, "directory_next").path("disabled").asBoolean()).isTrue();
    assertThat(component(page2, "directory_prev").path("disabled").asBoolean()).isFalse();

    // the view is the viewer's Redis session, 5 minutes
    try (Jedis jedis = workerRedis.client()) {
      String suffix =
          "sess:directory:" + sys.community.value() + ":" + Long.toUnsignedString(viewer);
      List<String> keys = new ArrayList<>(jedis.keys("*" + suffix));
      assertThat(keys).hasSize(1);
      assertThat(jedis.get(keys.get(0))).isEqualTo("page=2;tier=all;sort=nym");
      assertThat(jedis.ttl(keys.get(0))).isBetween(1L, 300L);
    }

    // a tier filter: back to page 1, Fedaykin only
    JsonNode filtered = pick(viewer, "directory_tier", "fedaykin", page2);
    assertThat(filtered.path("callback_type").asInt()).isEqualTo(7);
    JsonNode fedaykin = current(conversation);
    assertThat(nyms(fedaykin)).containsExactly("alia", "chani", "Duncan");
    assertThat(footer(fedaykin)).isEqualTo("Page 1/1 • 3 total members");

    // sort by badges within the filter, then all tiers again
    pick(viewer, "directory_sort", "badgeCount", fedaykin);
    assertThat(nyms(current(conversation))).containsExactly("chani", "alia", "Duncan");
    pick(viewer, "directory_tier", "all", current(conversation));
    JsonNode byBadges = current(conversation);
    assertThat(nyms(byBadges).subList(0, 4)).containsExactly("chani", "Kynes", "alia", "Gurney");
    assertThat(footer(byBadges)).isEqualTo("Page 1/2 • 13 total members");

    // prev on page 1 stays on page 1; refresh keeps the view
    click(viewer, "directory_next", byBadges);
    assertThat(footer(current(conversation))).isEqualTo("Page 2/2 • 13 total members");
    click(viewer, "directory_refresh", current(conversation));
    assertThat(footer(current(conversation))).isEqualTo("Page 2/2 • 13 total members");
    click(viewer, "directory_prev", current(conversation));
    assertThat(footer(current(conversation))).isEqualTo("Page 1/2 • 13 total members");
    sys.assertWorkersAlive();
  }

  @Test
  void directoryAndAlertsRefuseSomeoneWithoutAProfile() throws Exception {
    long stranger = sys.members.get(7);

    for (String command : List.of("directory", "alerts")) {
      JsonNode answer = message(run(stranger, command));
      assertThat(ephemeral(answer)).isTrue();
      assertThat(answer.path("content").asText()).startsWith("You don't have a profile here yet.");
      assertThat(answer.path("embeds")).isEmpty();
    }
  }

  // ---- /alerts

  private AlertPreferences stored(MemberId member) {
    return inCommunity(() -> repos().alerts().preferences(sys.community, member)).orElseThrow();
  }

  @Test
  void alertsTogglesAndFrequencyChangeTheStoredPreferences_andAnotherMemberIsRefused()
      throws Exception {
    long owner = sys.members.get(1);
    MemberId member = byNym("Bijaz").memberId();
    JsonNode conversation = run(owner, "alerts");

    JsonNode shown = message(conversation);
    assertThat(ephemeral(shown)).isTrue();
    assertThat(embed(shown).path("title").asText()).isEqualTo("Alert Preferences");
    assertThat(field(embed(shown), "Position updates")).isEqualTo("On");
    assertThat(field(embed(shown), "At-risk warnings")).isEqualTo("On");
    assertThat(field(embed(shown), "Frequency")).isEqualTo("3 per week (0/3 sent this week)");
    String position = "alerts_toggle_position:" + member;
    assertThat(component(shown, position).path("label").asText())
        .isEqualTo("Disable position updates");
    assertThat(component(shown, "alerts_toggle_atrisk:" + member)).isNotNull();
    assertThat(component(shown, "alerts_frequency:" + member).path("type").asInt()).isEqualTo(3);
    assertThat(component(shown, "alerts_disable_all:" + member).path("style").asInt()).isEqualTo(4);

    // toggle position updates off: stored, and the message re-rendered in place
    JsonNode toggled = click(owner, position, shown);
    assertThat(toggled.path("callback_type").asInt()).isEqualTo(7);
    assertThat(stored(member).positionUpdates()).isFalse();
    assertThat(stored(member).atRiskWarnings()).isTrue();
    JsonNode afterToggle = current(conversation);
    assertThat(afterToggle.path("content").asText()).isEqualTo("✅ Position updates turned off.");
    assertThat(field(embed(afterToggle), "Position updates")).isEqualTo("Off");
    assertThat(component(afterToggle, position).path("label").asText())
        .isEqualTo("Enable position updates");
    assertThat(component(afterToggle, position).path("style").asInt()).as("green").isEqualTo(3);

    // the frequency select
    JsonNode picked = pick(owner, "alerts_frequency:" + member, "daily", afterToggle);
    assertThat(picked.path("callback_type").asInt()).isEqualTo(7);
    assertThat(stored(member).frequency()).isEqualTo(AlertFrequency.DAILY);
    assertThat(field(embed(current(conversation)), "Frequency"))
        .isEqualTo("Daily (0/7 sent this week)");

    // another member clicks the owner's button: refused, nothing changes
    long intruder = sys.members.get(2);
    JsonNode refused = click(intruder, "alerts_toggle_atrisk:" + member, current(conversation));
    assertThat(refused.path("callback_type").asInt()).as("a reply, not an update").isEqualTo(4);
    JsonNode refusal = refused.path("original");
    assertThat(ephemeral(refusal)).isTrue();
    assertThat(refusal.path("content").asText()).isEqualTo("This control belongs to someone else.");
    assertThat(stored(member).atRiskWarnings()).isTrue();
    assertThat(field(embed(current(conversation)), "At-risk warnings")).isEqualTo("On");

    // disable all
    JsonNode disabled = click(owner, "alerts_disable_all:" + member, current(conversation));
    assertThat(disabled.path("callback_type").asInt()).isEqualTo(7);
    AlertPreferences off = stored(member);
    assertThat(off.positionUpdates()).isFalse();
    assertThat(off.atRiskWarnings()).isFalse();
    assertThat(off.naibAlerts()).isFalse();
    assertThat(off.frequency()).isEqualTo(AlertFrequency.DAILY);
    JsonNode red = current(conversation);
    assertThat(embed(red).path("title").asText()).isEqualTo("All Alerts Disabled");
    assertThat(embed(red).path("description").asText()).contains("Critical alerts still arrive");
    sys.assertWorkersAlive();
  }
}
