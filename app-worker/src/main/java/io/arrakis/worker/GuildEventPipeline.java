package io.arrakis.worker;

import io.arrakis.bot.GuildEventHandler;
import io.arrakis.messaging.Delivery;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EnvelopeHandler;
import io.arrakis.messaging.HandlerOutcome;
import io.arrakis.state.IdempotencyClaims;
import io.arrakis.state.StateUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Consumes {@code arrakis.events.guild}: routes each event by its type to the {@link
 * GuildEventHandler} registered for it, once per event key across workers and replays. Events are
 * not time-critical, so every transient fault (Redis for the claim, the database, the handler)
 * becomes a delayed retry; input a handler rejects as invalid is dead-lettered. Event types no
 * handler is registered for are acknowledged and counted ({@code unhandled}): the ingestor forwards
 * more than the bot acts on.
 */
final class GuildEventPipeline implements EnvelopeHandler {
  private static final Logger log = LoggerFactory.getLogger(GuildEventPipeline.class);

  static final Duration CLAIM_TTL = Duration.ofMinutes(5);
  static final Duration DONE_TTL = Duration.ofDays(1);

  private final Map<String, GuildEventHandler> handlers;
  private final IdempotencyClaims claims;
  private final MeterRegistry registry;

  GuildEventPipeline(
      List<GuildEventHandler> handlers, IdempotencyClaims claims, MeterRegistry registry) {
    this.handlers =
        handlers.stream()
            .collect(
                Collectors.toUnmodifiableMap(GuildEventHandler::eventType, Function.identity()));
    this.claims = claims;
    this.registry = registry;
  }

  @Override
  public HandlerOutcome handle(Delivery delivery) {
    Envelope envelope = delivery.envelope();
    GuildEventHandler handler = handlers.get(envelope.type());
    if (handler == null) {
      count(envelope.type(), "unhandled");
      return HandlerOutcome.ack();
    }
    MDC.put("event_key", envelope.messageId());
    try {
      IdempotencyClaims.Claim claim;
      try {
        IdempotencyClaims.Outcome outcome = claims.claim(envelope.messageId(), CLAIM_TTL);
        if (outcome instanceof IdempotencyClaims.AlreadyDone) {
          count(envelope.type(), "duplicate");
          return HandlerOutcome.ack();
        }
        if (outcome instanceof IdempotencyClaims.InProgress) {
          return HandlerOutcome.retryLater("another worker is handling this event");
        }
        claim = ((IdempotencyClaims.Claimed) outcome).claim();
      } catch (StateUnavailableException ex) {
        return HandlerOutcome.retryLater("Redis unreachable for the idempotency claim");
      }
      try {
        handler.handle(envelope.messageId(), envelope.body());
      } catch (IllegalArgumentException ex) {
        release(claim);
        count(envelope.type(), "invalid");
        return HandlerOutcome.deadLetter("InvalidEvent", String.valueOf(ex.getMessage()));
      } catch (Exception ex) {
        release(claim);
        count(envelope.type(), "retry");
        log.warn(
            "{} {} failed, retrying later: {}",
            envelope.type(),
            envelope.messageId(),
            ex.toString());
        return HandlerOutcome.retryLater(ex.toString());
      }
      try {
        claims.markDone(claim, DONE_TTL);
      } catch (StateUnavailableException ex) {
        log.warn("could not mark {} done: {}", envelope.messageId(), ex.getMessage());
      }
      count(envelope.type(), "handled");
      return HandlerOutcome.ack();
    } finally {
      MDC.remove("event_key");
    }
  }

  private void release(IdempotencyClaims.Claim claim) {
    try {
      claims.release(claim);
    } catch (StateUnavailableException ex) {
      log.warn("could not release {}: it expires by itself", claim.eventKey());
    }
  }

  private void count(String type, String result) {
    registry.counter("arrakis.worker.events", "type", type, "result", result).increment();
  }
}
