package io.arrakis.jda.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.ActionOutcome;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.jda.actions.JdaActionExecutor.ErrorClass;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Response;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The executor's mapping of Discord's answers and JDA's failures, without a network. */
class JdaActionExecutorTest {
  private final JdaActionExecutor executor =
      new JdaActionExecutor(() -> null, Duration.ofSeconds(2));

  /** An error answer as JDA builds it from Discord's HTTP response. */
  private static ErrorResponseException answer(int status, int code, String message) {
    String body = "{\"message\":\"" + message + "\",\"code\":" + code + "}";
    okhttp3.Response raw =
        new okhttp3.Response.Builder()
            .request(new Request.Builder().url("http://discord.invalid/api/v10/x").build())
            .protocol(Protocol.HTTP_1_1)
            .code(status)
            .message(message)
            .body(ResponseBody.create(body, MediaType.get("application/json")))
            .build();
    return ErrorResponseException.create(
        ErrorResponse.fromCode(code), new Response(raw, -1, Set.of()));
  }

  @ParameterizedTest(name = "{0} {1} ⇒ Refused {3}")
  @CsvSource({
    "404, 10007, Unknown Member, UnknownMember",
    "404, 10011, Unknown Role, UnknownRole",
    "404, 10003, Unknown Channel, UnknownChannel",
    "404, 10008, Unknown Message, UnknownMessage",
    "404, 10004, Unknown Guild, UnknownGuild",
    "404, 10013, Unknown User, UnknownUser",
    "400, 50033, Invalid Recipients, UnknownUser",
    "403, 50013, Missing Permissions, MissingPermission",
    "403, 50001, Missing Access, MissingPermission",
    "403, 50007, Cannot send messages to this user, DmClosed",
    "403, 50005, Cannot edit a message authored by another user, NotBotMessage",
    "400, 50006, Cannot send an empty message, InvalidMessage",
    "400, 50035, Invalid Form Body, InvalidMessage"
  })
  void permanentAnswersAreRefusedWithTheirStatus(
      int status, int code, String message, String errorClass) {
    ActionOutcome outcome = JdaActionExecutor.fromDiscord("a:1", answer(status, code, message));

    assertThat(outcome).isInstanceOf(ActionOutcome.Refused.class);
    ActionOutcome.Refused refused = (ActionOutcome.Refused) outcome;
    assertThat(refused.errorClass()).isEqualTo(errorClass);
    assertThat(refused.httpStatus()).isEqualTo(status);
    assertThat(refused.requestSent()).isTrue();
    assertThat(refused.reason()).contains(Integer.toString(code));
  }

  @ParameterizedTest(name = "{0} ⇒ Retry")
  @CsvSource({"500, 0", "502, 0", "503, 0", "429, 0", "401, 0", "418, 0", "400, 30046"})
  void transientOrUnexpectedAnswersAreRetried(int status, int code) {
    ActionOutcome outcome = JdaActionExecutor.fromDiscord("a:1", answer(status, code, "nope"));

    assertThat(outcome).isInstanceOf(ActionOutcome.Retry.class);
    assertThat(outcome.httpStatus()).isEqualTo(status);
    assertThat(((ActionOutcome.Retry) outcome).after()).isPositive();
  }

  @Test
  void aTokenRefusalWaitsLongest() {
    ActionOutcome.Retry retry =
        (ActionOutcome.Retry) JdaActionExecutor.fromDiscord("a:1", answer(401, 0, "401"));

    assertThat(retry.after()).isEqualTo(JdaActionExecutor.UNAUTHORIZED_DELAY);
  }

  @Test
  @DisplayName("a network error (no HTTP answer) is Retry with status 0")
  void networkErrorIsRetry() {
    ErrorResponseException network =
        ErrorResponseException.create(
            ErrorResponse.SERVER_ERROR,
            new Response(new IOException("connection reset"), Set.of()));

    ActionOutcome outcome = JdaActionExecutor.fromDiscord("a:1", network);

    assertThat(outcome).isInstanceOf(ActionOutcome.Retry.class);
    assertThat(outcome.httpStatus()).isZero();
  }

  @Test
  @DisplayName("JDA's failures: rate limited ⇒ Retry after its wait; deadline passed ⇒ Retry")
  void jdaFailures() {
    ActionOutcome limited =
        executor.failed("a:1", new RateLimitedException("guilds/1/members/2/roles/3", 7_500));
    assertThat(limited).isInstanceOf(ActionOutcome.Retry.class);
    assertThat(((ActionOutcome.Retry) limited).after()).isEqualTo(Duration.ofMillis(7_500));
    assertThat(limited.httpStatus()).isEqualTo(429);

    ActionOutcome deadline = executor.failed("a:1", new TimeoutException("timed out"));
    assertThat(deadline).isInstanceOf(ActionOutcome.Retry.class);
    assertThat(deadline.httpStatus()).isZero();

    ActionOutcome odd = executor.failed("a:1", new IllegalStateException("boom"));
    assertThat(odd).isInstanceOf(ActionOutcome.Retry.class);
  }

  @Test
  @DisplayName("before the gateway starts every action is Retry, and nothing throws")
  void beforeTheGatewayStartsEverythingIsRetried() {
    for (DiscordAction action :
        java.util.List.of(
            new DiscordAction.AddRole("a:1", 81384788765712384L, 555, 77, "rank 12"),
            new DiscordAction.RemoveRole("a:2", 81384788765712384L, 555, 77, ""),
            new DiscordAction.SendDirectMessage(
                "a:3", 555, MessagePayload.text("hi"), "alert:test"),
            new DiscordAction.PostToChannel(
                "a:4", 81384788765712384L, 9, MessagePayload.text("gm")),
            new DiscordAction.EditMessage(
                "a:5", 81384788765712384L, 9, 10, MessagePayload.text("gm!")),
            new DiscordAction.DeleteMessage("a:6", 81384788765712384L, 9, 10))) {
      ActionOutcome outcome = executor.execute(action);
      assertThat(outcome).as(action.kind().key()).isInstanceOf(ActionOutcome.Retry.class);
      assertThat(outcome.httpStatus()).isZero();
    }
  }

  @Test
  @DisplayName("the audit-log reason is cut to Discord's 512 characters; blank means none")
  void auditReasonIsTruncated() {
    assertThat(JdaActionExecutor.auditReason("x".repeat(600))).hasSize(512);
    assertThat(JdaActionExecutor.auditReason("rank 12")).isEqualTo("rank 12");
    assertThat(JdaActionExecutor.auditReason(" ")).isNull();
  }

  @Test
  void errorClassNamesAreStable() {
    assertThat(ErrorClass.ROLE_ABOVE_BOT).isEqualTo("RoleAboveBot");
    assertThat(ErrorClass.DM_CLOSED).isEqualTo("DmClosed");
    assertThat(ErrorClass.UNKNOWN_MEMBER).isEqualTo("UnknownMember");
  }

  @Test
  void aTimeoutMustBePositive() {
    assertThatThrownBy(() -> new JdaActionExecutor(() -> null, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
