package io.arrakis.jda.responder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.InteractionResponder;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.InteractionToken;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Modal;
import io.arrakis.discord.ResponseOutcome;
import io.arrakis.emulator.DiscordEmulator;
import io.arrakis.emulator.EmulatorConfig;
import io.arrakis.emulator.EmulatorControl;
import io.arrakis.emulator.InteractionRef;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP responder against the embedded Discord emulator, over real loopback sockets. */
class HttpInteractionResponderIT {
  private static final String CALLBACK =
      "/interactions/{interaction_id}/{interaction_token}/callback";
  private static final String FOLLOWUP = "/webhooks/{application_id}/{token}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static DiscordEmulator discord;
  private static EmulatorControl ctl;
  private static SimpleMeterRegistry meters;
  private static InteractionResponder responder;
  // Only for the lost-response tests: gives up waiting long before the emulator's injected latency.
  private static InteractionResponder impatient;
  private static long guild;
  private static long user;

  @BeforeAll
  static void start() {
    discord = DiscordEmulator.start(EmulatorConfig.builder().port(0).seedGuilds(1).build());
    ctl = discord.control();
    guild = ctl.guildIds().get(0);
    user = ctl.memberIds(guild).get(0);
    meters = new SimpleMeterRegistry();
    // The worker's DISCORD_API_URL form: .../api, without the version.
    URI api = URI.create(discord.baseUrl().replaceAll("/+$", "") + "/api");
    responder =
        InteractionResponders.http(
            new ResponderSettings(
                api, Duration.ofSeconds(5), 3, Duration.ofSeconds(3), Duration.ofMillis(20)),
            meters);
    impatient =
        InteractionResponders.http(
            new ResponderSettings(
                api, Duration.ofMillis(500), 3, Duration.ofSeconds(3), Duration.ofMillis(20)),
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

  private InteractionToken slash(String name) {
    InteractionRef ref = ctl.slashCommand(guild, user, name, Map.of());
    return token(ref);
  }

  private static InteractionToken token(InteractionRef ref) {
    return new InteractionToken(ref.id(), ctl.applicationId(), ref.token());
  }

  private static JsonNode conversation(InteractionToken t) {
    return ctl.conversation(t.interactionId()).orElseThrow();
  }

  private static List<String> kinds(JsonNode conversation) {
    List<String> k = new ArrayList<>();
    conversation.path("events").forEach(e -> k.add(e.path("kind").asText()));
    return k;
  }

  @Test
  void givenASlashCommand_deferThenEdit_conversationShowsBothInOrderEphemeral() {
    InteractionToken t = slash("position");

    ResponseOutcome deferred = responder.respond(t, new InteractionResponse.Defer(true));
    MessagePayload answer =
        MessagePayload.builder()
            .content("")
            .embed(
                Embed.builder()
                    .title("Your Position")
                    .color(0x3498DB)
                    .field("Status", "Fedaykin")
                    .field("Position", "#12", true)
                    .footer("Get notified of changes with /alerts")
                    .build())
            .row(Button.secondary("alerts_toggle_position:1", "Alerts"))
            .build();
    ResponseOutcome edited = responder.editOriginal(t, answer);

    assertThat(deferred).isInstanceOf(ResponseOutcome.Sent.class);
    assertThat(((ResponseOutcome.Sent) deferred).messageId()).isPresent();
    assertThat(edited).isInstanceOf(ResponseOutcome.Sent.class);
    assertThat(((ResponseOutcome.Sent) edited).messageId())
        .isEqualTo(((ResponseOutcome.Sent) deferred).messageId());
    JsonNode c = conversation(t);
    assertThat(kinds(c)).containsExactly("callback", "edit_original");
    assertThat(c.path("callback_type").asInt()).isEqualTo(5);
    assertThat(c.path("events").get(0).path("body").path("data").path("flags").asInt())
        .isEqualTo(64);
    JsonNode original = c.path("original");
    assertThat(original.path("flags").asInt() & 64).isEqualTo(64); // still ephemeral
    assertThat(original.path("flags").asInt() & 128).isZero(); // no longer "thinking"
    assertThat(original.path("embeds").get(0).path("title").asText()).isEqualTo("Your Position");
    assertThat(
            original.path("components").get(0).path("components").get(0).path("custom_id").asText())
        .isEqualTo("alerts_toggle_position:1");
  }

  @Test
  void givenASlashCommand_publicReplyThenFollowupThenDelete_allRecorded() {
    InteractionToken t = slash("threshold");

    ResponseOutcome reply =
        responder.respond(t, new InteractionResponse.Reply(MessagePayload.text("The Threshold")));
    ResponseOutcome followup =
        responder.followup(t, MessagePayload.ephemeralText("and one more thing"));
    ResponseOutcome deleted = responder.deleteOriginal(t);

    assertThat(reply.sent()).isTrue();
    assertThat(followup.sent()).isTrue();
    assertThat(((ResponseOutcome.Sent) followup).messageId()).isPresent();
    assertThat(deleted.sent()).isTrue();
    JsonNode c = conversation(t);
    assertThat(kinds(c)).containsExactly("callback", "followup", "delete_message");
    assertThat(c.path("followups")).hasSize(1);
    assertThat(c.path("followups").get(0).path("content").asText()).isEqualTo("and one more thing");
    assertThat(c.path("followups").get(0).path("flags").asInt()).isEqualTo(64);
  }

  @Test
  void givenASlashCommand_modalResponse_isRecordedAsType9() {
    InteractionToken t = slash("verify");

    ResponseOutcome out =
        responder.respond(
            t,
            new InteractionResponse.ShowModal(
                Modal.of(
                    "verify_modal:s1",
                    "Link your wallet",
                    Modal.TextInput.shortText("wallet_address", "Wallet address"),
                    Modal.TextInput.paragraph("signature", "Signature"))));

    assertThat(out.sent()).isTrue();
    JsonNode c = conversation(t);
    assertThat(c.path("callback_type").asInt()).isEqualTo(9);
    JsonNode data = c.path("events").get(0).path("body").path("data");
    assertThat(data.path("custom_id").asText()).isEqualTo("verify_modal:s1");
    assertThat(data.path("components")).hasSize(2);
  }

  @Test
  void givenAnAutocomplete_choices_areRecordedAsType8() {
    ObjectNode req = JSON.createObjectNode();
    req.put("guild_id", Long.toUnsignedString(guild));
    req.put("user_id", Long.toUnsignedString(user));
    req.put("name", "badges");
    req.put("focused", "nym");
    req.putObject("options").put("nym", "sti");
    InteractionToken t = token(ctl.autocomplete(req));

    ResponseOutcome out =
        responder.respond(
            t,
            new InteractionResponse.Autocomplete(
                new AutocompleteChoices(
                    List.of(
                        AutocompleteChoices.Choice.of("stilgar", "stilgar"),
                        AutocompleteChoices.Choice.of("stilgar-2", "stilgar-2")))));

    assertThat(out.sent()).isTrue();
    JsonNode c = conversation(t);
    assertThat(c.path("callback_type").asInt()).isEqualTo(8);
    JsonNode choices = c.path("events").get(0).path("body").path("data").path("choices");
    assertThat(choices).hasSize(2);
    assertThat(choices.get(0).path("name").asText()).isEqualTo("stilgar");
  }

  @Test
  void givenAButtonOnAReply_updateMessage_editsTheSourceMessage() {
    InteractionToken cmd = slash("directory");
    ResponseOutcome reply =
        responder.respond(
            cmd,
            new InteractionResponse.Reply(
                MessagePayload.builder()
                    .content("page 1")
                    .row(Button.primary("directory_next", "Next"))
                    .build()));
    long messageId = ((ResponseOutcome.Sent) reply).messageId().orElseThrow();
    ObjectNode click = JSON.createObjectNode();
    click.put("guild_id", Long.toUnsignedString(guild));
    click.put("user_id", Long.toUnsignedString(user));
    click.put("custom_id", "directory_next");
    click.put("message_id", Long.toUnsignedString(messageId));
    InteractionToken t = token(ctl.button(click));

    ResponseOutcome out =
        responder.respond(t, new InteractionResponse.UpdateMessage(MessagePayload.text("page 2")));

    assertThat(out.sent()).isTrue();
    assertThat(conversation(t).path("callback_type").asInt()).isEqualTo(7);
  }

  @Test
  void givenTheThreeSecondWindowPassed_callback_isRejectedAsExpired() {
    InteractionToken t = slash("stats");
    ctl.advanceClock(3_100);

    ResponseOutcome out = responder.respond(t, new InteractionResponse.Defer(true));

    assertThat(out).isInstanceOf(ResponseOutcome.Rejected.class);
    ResponseOutcome.Rejected r = (ResponseOutcome.Rejected) out;
    assertThat(r.reason()).isEqualTo(ResponseOutcome.Reason.EXPIRED);
    assertThat(r.httpStatus()).isEqualTo(404);
    assertThat(r.discordCode()).isEqualTo(10062);
    assertThat(r.attempts()).isEqualTo(1);
  }

  @Test
  void givenAnAnsweredInteraction_secondCallback_isRejectedAsAlreadyAcknowledged() {
    InteractionToken t = slash("stats");
    assertThat(responder.respond(t, new InteractionResponse.Defer(true)).sent()).isTrue();

    ResponseOutcome out = responder.respond(t, new InteractionResponse.Defer(true));

    assertThat(out).isInstanceOf(ResponseOutcome.Rejected.class);
    assertThat(((ResponseOutcome.Rejected) out).reason())
        .isEqualTo(ResponseOutcome.Reason.ALREADY_ACKNOWLEDGED);
    assertThat(((ResponseOutcome.Rejected) out).attempts()).isEqualTo(1);
  }

  @Test
  void givenFifteenMinutesPassed_edit_isRejectedAsTokenInvalid() {
    InteractionToken t = slash("stats");
    assertThat(responder.respond(t, new InteractionResponse.Defer(false)).sent()).isTrue();
    ctl.advanceClock(Duration.ofMinutes(15).plusSeconds(1).toMillis());

    ResponseOutcome out = responder.editOriginal(t, MessagePayload.text("too late"));

    assertThat(out).isInstanceOf(ResponseOutcome.Rejected.class);
    assertThat(((ResponseOutcome.Rejected) out).reason())
        .isEqualTo(ResponseOutcome.Reason.TOKEN_INVALID);
    assertThat(((ResponseOutcome.Rejected) out).httpStatus()).isEqualTo(401);
  }

  @Test
  void givenACallbackFailingWith500Once_respond_retriesAndAnswersOnce() {
    InteractionToken t = slash("stats");
    ctl.restFault("POST", CALLBACK, 500, 0, 0, false, 1);

    ResponseOutcome out = responder.respond(t, new InteractionResponse.Defer(true));

    assertThat(out).isInstanceOf(ResponseOutcome.Sent.class);
    assertThat(out.attempts()).isEqualTo(2);
    assertThat(kinds(conversation(t))).containsExactly("callback");
  }

  @Test
  void givenAFollowupFailingWith503Once_followup_retriesAndCreatesOneMessageNotTwo() {
    InteractionToken t = slash("stats");
    assertThat(responder.respond(t, new InteractionResponse.Defer(true)).sent()).isTrue();
    ctl.restFault("POST", FOLLOWUP, 503, 0, 0, false, 1);

    ResponseOutcome out = responder.followup(t, MessagePayload.text("once"));

    assertThat(out).isInstanceOf(ResponseOutcome.Sent.class);
    assertThat(out.attempts()).isEqualTo(2);
    JsonNode c = conversation(t);
    assertThat(c.path("followups")).hasSize(1);
    assertThat(kinds(c)).containsExactly("callback", "followup");
  }

  @Test
  void givenAFollowupFailingWith500_followup_doesNotResendBlindly() {
    InteractionToken t = slash("stats");
    assertThat(responder.respond(t, new InteractionResponse.Defer(true)).sent()).isTrue();
    ctl.restFault("POST", FOLLOWUP, 500, 0, 0, false, 1);

    ResponseOutcome out = responder.followup(t, MessagePayload.text("maybe"));

    assertThat(out).isInstanceOf(ResponseOutcome.Unavailable.class);
    assertThat(out.attempts()).isEqualTo(1);
    assertThat(((ResponseOutcome.Unavailable) out).mayHaveBeenDelivered()).isTrue();
  }

  @Test
  void givenAFollowupWhoseResponseIsLost_followup_isNotRetriedAndNothingIsDuplicated() {
    InteractionToken t = slash("stats");
    assertThat(responder.respond(t, new InteractionResponse.Defer(true)).sent()).isTrue();
    // Discord creates the message, then the answer arrives after our 500 ms timeout.
    ctl.restFault("POST", FOLLOWUP, 0, 2_500, 0, false, 1);

    ResponseOutcome out = impatient.followup(t, MessagePayload.text("exactly once"));

    assertThat(out).isInstanceOf(ResponseOutcome.Unavailable.class);
    assertThat(((ResponseOutcome.Unavailable) out).mayHaveBeenDelivered()).isTrue();
    assertThat(out.attempts()).isEqualTo(1);
    assertThat(conversation(t).path("followups")).hasSize(1);
  }

  @Test
  void givenACallbackWhoseResponseIsLost_retryGets40060_andCountsAsSentUnconfirmed() {
    InteractionToken t = slash("stats");
    ctl.restFault("POST", CALLBACK, 0, 2_500, 0, false, 1);

    ResponseOutcome out = impatient.respond(t, new InteractionResponse.Defer(true));

    assertThat(out).isInstanceOf(ResponseOutcome.Sent.class);
    assertThat(((ResponseOutcome.Sent) out).confirmed()).isFalse();
    assertThat(out.attempts()).isEqualTo(2);
    JsonNode c = conversation(t);
    assertThat(kinds(c)).containsExactly("callback", "callback_rejected");
    assertThat(c.path("callback_type").asInt()).isEqualTo(5);
  }

  @Test
  void givenA429WithRetryAfter_callback_waitsAndSucceedsWithoutAnEarlyRetry() {
    InteractionToken t = slash("stats");
    long early = discord.counters().get("rest.early_retries");
    ctl.restFault("POST", CALLBACK, 429, 0, 0.6, false, 1);
    long start = System.nanoTime();

    ResponseOutcome out = responder.respond(t, new InteractionResponse.Defer(true));

    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(out).isInstanceOf(ResponseOutcome.Sent.class);
    assertThat(out.attempts()).isEqualTo(2);
    assertThat(tookMs).isGreaterThanOrEqualTo(600);
    assertThat(discord.counters().get("rest.early_retries")).isEqualTo(early);
    assertThat(kinds(conversation(t))).containsExactly("callback");
  }

  @Test
  void givenA429LongerThanTheBound_followup_givesUpWithoutWaitingOrDuplicating() {
    InteractionToken t = slash("stats");
    assertThat(responder.respond(t, new InteractionResponse.Defer(true)).sent()).isTrue();
    ctl.restFault("POST", FOLLOWUP, 429, 0, 30, false, 1);

    ResponseOutcome out = responder.followup(t, MessagePayload.text("later"));

    assertThat(out).isInstanceOf(ResponseOutcome.Unavailable.class);
    assertThat(((ResponseOutcome.Unavailable) out).mayHaveBeenDelivered()).isFalse();
    assertThat(conversation(t).path("followups")).isEmpty();
  }

  @Test
  void givenCalls_metrics_countOutcomesPerRoute() {
    InteractionToken t = slash("stats");
    responder.respond(t, new InteractionResponse.Defer(true));
    responder.respond(t, new InteractionResponse.Defer(true));

    assertThat(
            meters
                .get("discord.interaction.response")
                .tag("route", "callback")
                .tag("outcome", "rejected")
                .tag("reason", "already_acknowledged")
                .timer()
                .count())
        .isGreaterThanOrEqualTo(1);
    assertThat(
            meters
                .get("discord.interaction.response")
                .tag("route", "callback")
                .tag("outcome", "sent")
                .timer()
                .count())
        .isGreaterThanOrEqualTo(1);
  }
}
