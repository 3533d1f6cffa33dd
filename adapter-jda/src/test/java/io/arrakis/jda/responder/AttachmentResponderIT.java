package io.arrakis.jda.responder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.Attachment;
import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.InteractionResponder;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.InteractionToken;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.ResponseOutcome;
import io.arrakis.emulator.DiscordEmulator;
import io.arrakis.emulator.EmulatorConfig;
import io.arrakis.emulator.EmulatorControl;
import io.arrakis.emulator.InteractionRef;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Files sent with interaction answers reach the emulator, over real loopback sockets, as Discord's
 * upload form: byte for byte, named, typed, shown by the embeds that reference them, and replaced
 * by an edit like the rest of the message.
 */
class AttachmentResponderIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static DiscordEmulator discord;
  private static EmulatorControl ctl;
  private static InteractionResponder responder;
  private static long guild;
  private static long user;

  @BeforeAll
  static void start() {
    discord = DiscordEmulator.start(EmulatorConfig.builder().port(0).seedGuilds(1).build());
    ctl = discord.control();
    guild = ctl.guildIds().get(0);
    user = ctl.memberIds(guild).get(0);
    URI api = URI.create(discord.baseUrl().replaceAll("/+$", "") + "/api");
    responder =
        InteractionResponders.http(
            new ResponderSettings(
                api, Duration.ofSeconds(5), 3, Duration.ofSeconds(3), Duration.ofMillis(20)),
            new SimpleMeterRegistry());
  }

  @AfterAll
  static void stop() {
    discord.close();
  }

  @AfterEach
  void clearFaults() {
    ctl.clearFaults();
  }

  private static InteractionToken slash(String name) {
    InteractionRef ref = ctl.slashCommand(guild, user, name, Map.of());
    return new InteractionToken(ref.id(), ctl.applicationId(), ref.token());
  }

  /** Bytes of every value 0-255 and CR LF and dashes, so a framing bug cannot hide. */
  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    byte[] tricky = "\r\n--arrakis-\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(tricky, 0, b, 10, tricky.length);
    return b;
  }

  private static MessagePayload withPicture(String content, Attachment file) {
    return MessagePayload.builder()
        .content(content)
        .embed(
            Embed.builder()
                .title("Picture")
                .thumbnailUrl(file.reference())
                .imageUrl(file.reference())
                .build())
        .attachment(file)
        .build();
  }

  private static JsonNode original(InteractionToken t) {
    return ctl.conversation(t.interactionId()).orElseThrow().path("original");
  }

  @Test
  void givenAReplyWithAFile_theEmulatorStoresTheSameBytes_andTheEmbedShowsIt() {
    InteractionToken t = slash("profile");
    byte[] data = bytes(70_000, 1);
    Attachment file = Attachment.png("avatar.png", data, "a generated picture");

    ResponseOutcome out =
        responder.respond(t, new InteractionResponse.Reply(withPicture("yours", file)));

    assertThat(out.sent()).as(out.toString()).isTrue();
    JsonNode message = original(t);
    JsonNode a = message.path("attachments").get(0);
    assertThat(message.path("attachments")).hasSize(1);
    assertThat(a.path("filename").asText()).isEqualTo("avatar.png");
    assertThat(a.path("description").asText()).isEqualTo("a generated picture");
    assertThat(a.path("content_type").asText()).isEqualTo("image/png");
    assertThat(a.path("size").asInt()).isEqualTo(data.length);
    assertThat(ctl.attachment(a.path("url").asText()))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(data));
    JsonNode embed = message.path("embeds").get(0);
    assertThat(embed.path("thumbnail").path("url").asText()).isEqualTo(a.path("url").asText());
    assertThat(embed.path("image").path("url").asText()).isEqualTo(a.path("url").asText());
    assertThat(message.path("content").asText()).isEqualTo("yours");
  }

  @Test
  void givenADefer_editOriginalUploads_andALaterEditWithoutFilesRemovesThem() {
    InteractionToken t = slash("profile");
    assertThat(responder.respond(t, new InteractionResponse.Defer(true)).sent()).isTrue();
    byte[] data = bytes(5_000, 2);

    ResponseOutcome edited =
        responder.editOriginal(t, withPicture("", Attachment.png("avatar.png", data, "alt")));

    assertThat(edited.sent()).isTrue();
    String url = original(t).path("attachments").get(0).path("url").asText();
    assertThat(ctl.attachment(url)).hasValueSatisfying(b -> assertThat(b).isEqualTo(data));
    assertThat(original(t).path("flags").asInt() & 64).as("still ephemeral").isEqualTo(64);

    assertThat(responder.editOriginal(t, MessagePayload.text("no picture")).sent()).isTrue();
    assertThat(original(t).path("attachments")).as("a payload is the whole message").isEmpty();
  }

  @Test
  void givenAFollowupWithTwoFiles_bothArriveInOrder() {
    InteractionToken t = slash("profile");
    assertThat(responder.respond(t, new InteractionResponse.Defer(false)).sent()).isTrue();
    byte[] first = bytes(1_000, 3);
    byte[] second = bytes(2_000, 4);

    ResponseOutcome out =
        responder.followup(
            t,
            MessagePayload.builder()
                .content("two files")
                .attachment(Attachment.png("a.png", first, "first"))
                .attachment(Attachment.of("b.bin", "application/octet-stream", second))
                .build());

    assertThat(out.sent()).isTrue();
    JsonNode files =
        ctl.conversation(t.interactionId())
            .orElseThrow()
            .path("followups")
            .get(0)
            .path("attachments");
    assertThat(files).hasSize(2);
    assertThat(files.get(0).path("filename").asText()).isEqualTo("a.png");
    assertThat(files.get(1).path("filename").asText()).isEqualTo("b.bin");
    assertThat(files.get(1).path("content_type").asText()).isEqualTo("application/octet-stream");
    assertThat(ctl.attachment(files.get(0).path("url").asText()).orElseThrow()).isEqualTo(first);
    assertThat(ctl.attachment(files.get(1).path("url").asText()).orElseThrow()).isEqualTo(second);
  }

  @Test
  void givenAButton_updateMessageWithAFile_replacesTheSourceMessagesPicture() {
    InteractionToken cmd = slash("profile");
    ResponseOutcome reply =
        responder.respond(
            cmd,
            new InteractionResponse.Reply(
                MessagePayload.builder()
                    .content("choose")
                    .row(Button.primary("edit_pfp_generate:1", "Generate"))
                    .build()));
    long messageId = ((ResponseOutcome.Sent) reply).messageId().orElseThrow();
    ObjectNode click = JSON.createObjectNode();
    click.put("guild_id", Long.toUnsignedString(guild));
    click.put("user_id", Long.toUnsignedString(user));
    click.put("custom_id", "edit_pfp_generate:1");
    click.put("message_id", Long.toUnsignedString(messageId));
    InteractionRef ref = ctl.button(click);
    InteractionToken t = new InteractionToken(ref.id(), ctl.applicationId(), ref.token());
    byte[] data = bytes(3_000, 5);

    ResponseOutcome out =
        responder.respond(
            t,
            new InteractionResponse.UpdateMessage(
                withPicture("generated", Attachment.png("avatar.png", data, "alt"))));

    assertThat(out.sent()).isTrue();
    JsonNode source = ctl.conversation(cmd.interactionId()).orElseThrow().path("original");
    assertThat(source.path("content").asText()).isEqualTo("generated");
    assertThat(ctl.attachment(source.path("attachments").get(0).path("url").asText()).orElseThrow())
        .isEqualTo(data);
  }

  @Test
  void givenAnInjected500_theCallbackWithAFileIsRetried_andStoredOnce() {
    ctl.restFault(
        "POST", "/interactions/{interaction_id}/{interaction_token}/callback", 500, 0, 1, false, 1);
    InteractionToken t = slash("profile");
    byte[] data = bytes(4_000, 6);

    ResponseOutcome out =
        responder.respond(
            t,
            new InteractionResponse.Reply(
                withPicture("retried", Attachment.png("avatar.png", data, "alt"))));

    assertThat(out).isInstanceOf(ResponseOutcome.Sent.class);
    assertThat(((ResponseOutcome.Sent) out).attempts()).isEqualTo(2);
    assertThat(original(t).path("attachments")).hasSize(1);
    assertThat(
            ctl.attachment(original(t).path("attachments").get(0).path("url").asText())
                .orElseThrow())
        .isEqualTo(data);
  }
}
