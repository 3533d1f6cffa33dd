package io.arrakis.worker;

import io.arrakis.discord.InteractionResponder;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.InteractionToken;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.ResponseOutcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The interaction responder behind a circuit breaker (resilience4j): when Discord's REST keeps
 * failing (5xx, timeouts), calls fail fast as {@link ResponseOutcome.Unavailable} instead of each
 * spending the responder's retries while the queue backs up. Only "unavailable" counts as a
 * failure: a refusal (4xx) proves Discord is up.
 */
final class GuardedResponder implements InteractionResponder {
  private final InteractionResponder delegate;
  private final CircuitBreaker breaker;

  GuardedResponder(InteractionResponder delegate, CircuitBreaker breaker) {
    this.delegate = delegate;
    this.breaker = breaker;
  }

  @Override
  public ResponseOutcome respond(InteractionToken interaction, InteractionResponse response) {
    return guarded(() -> delegate.respond(interaction, response));
  }

  @Override
  public ResponseOutcome followup(InteractionToken interaction, MessagePayload message) {
    return guarded(() -> delegate.followup(interaction, message));
  }

  @Override
  public ResponseOutcome editOriginal(InteractionToken interaction, MessagePayload message) {
    return guarded(() -> delegate.editOriginal(interaction, message));
  }

  @Override
  public ResponseOutcome deleteOriginal(InteractionToken interaction) {
    return guarded(() -> delegate.deleteOriginal(interaction));
  }

  private ResponseOutcome guarded(Supplier<ResponseOutcome> call) {
    if (!breaker.tryAcquirePermission()) {
      return new ResponseOutcome.Unavailable("Discord REST circuit breaker is open", 0, false);
    }
    long start = System.nanoTime();
    ResponseOutcome outcome;
    try {
      outcome = call.get();
    } catch (RuntimeException ex) {
      breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
      throw ex;
    }
    long took = System.nanoTime() - start;
    if (outcome instanceof ResponseOutcome.Unavailable unavailable) {
      breaker.onError(took, TimeUnit.NANOSECONDS, new IOException(unavailable.cause()));
    } else {
      breaker.onSuccess(took, TimeUnit.NANOSECONDS);
    }
    return outcome;
  }
}
