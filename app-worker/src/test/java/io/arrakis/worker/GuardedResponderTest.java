package io.arrakis.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.InteractionToken;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.ResponseOutcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

/** The responder's circuit breaker, with the worker's own breaker settings. */
class GuardedResponderTest {
  private static final InteractionToken TOKEN =
      new InteractionToken(1_576_086_836_525_273_107L, TestInteractions.APPLICATION, "tok");
  private static final InteractionResponse REPLY =
      new InteractionResponse.Reply(MessagePayload.ephemeralText("hi"));

  private final RecordingResponder delegate = new RecordingResponder();
  private final CircuitBreaker breaker = WorkerModule.discordBreaker();
  private final GuardedResponder guarded = new GuardedResponder(delegate, breaker);

  /** Enough calls for the breaker to judge the failure rate. */
  private int minimumCalls() {
    return breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls();
  }

  @Test
  void givenDiscordUp_calls_passThroughWithTheDelegatesOutcome() {
    ResponseOutcome sent = RecordingResponder.sent();
    delegate.answering(() -> sent);
    MessagePayload message = MessagePayload.ephemeralText("more");

    assertThat(guarded.respond(TOKEN, REPLY)).isSameAs(sent);
    assertThat(guarded.followup(TOKEN, message)).isSameAs(sent);
    assertThat(guarded.editOriginal(TOKEN, message)).isSameAs(sent);
    assertThat(guarded.deleteOriginal(TOKEN)).isSameAs(sent);

    assertThat(delegate.calls())
        .extracting(RecordingResponder.Call::method)
        .containsExactly("respond", "followup", "editOriginal", "deleteOriginal");
    assertThat(delegate.calls().get(0).payload()).isEqualTo(REPLY);
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void givenDiscordKeepsBeingUnavailable_breakerOpens_andFurtherCallsFailFastWithoutTheDelegate() {
    delegate.answering(RecordingResponder::unavailable);
    for (int i = 0; i < minimumCalls(); i++) {
      assertThat(guarded.respond(TOKEN, REPLY)).isInstanceOf(ResponseOutcome.Unavailable.class);
    }
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    int reached = delegate.calls().size();

    ResponseOutcome fast = guarded.respond(TOKEN, REPLY);
    ResponseOutcome fastEdit = guarded.editOriginal(TOKEN, MessagePayload.text("x"));

    assertThat(fast)
        .isInstanceOfSatisfying(
            ResponseOutcome.Unavailable.class,
            u -> {
              assertThat(u.cause()).contains("circuit breaker");
              assertThat(u.mayHaveBeenDelivered()).isFalse();
            });
    assertThat(fastEdit).isInstanceOf(ResponseOutcome.Unavailable.class);
    assertThat(delegate.calls()).hasSize(reached);
  }

  @Test
  void givenFewerUnavailableThanTheMinimumCalls_breaker_staysClosed() {
    delegate.answering(RecordingResponder::unavailable);
    for (int i = 0; i < minimumCalls() - 1; i++) {
      guarded.respond(TOKEN, REPLY);
    }

    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    guarded.respond(TOKEN, REPLY);
    assertThat(delegate.calls()).hasSize(minimumCalls());
  }

  @Test
  void givenDiscordRejectsEveryCall_breaker_staysClosedBecauseARefusalProvesDiscordIsUp() {
    delegate.answering(RecordingResponder::rejected);
    int calls = breaker.getCircuitBreakerConfig().getSlidingWindowSize() * 2;

    for (int i = 0; i < calls; i++) {
      assertThat(guarded.respond(TOKEN, REPLY)).isInstanceOf(ResponseOutcome.Rejected.class);
    }

    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    assertThat(delegate.calls()).hasSize(calls);
  }

  @Test
  void givenDelegateThrows_call_rethrowsAndCountsAFailure() {
    delegate.answering(
        () -> {
          throw new IllegalStateException("responder bug");
        });

    assertThatThrownBy(() -> guarded.followup(TOKEN, MessagePayload.text("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("responder bug");
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
  }
}
