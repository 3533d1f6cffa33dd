package io.arrakis.worker;

import io.arrakis.bot.DispatchResult;
import io.arrakis.bot.InteractionDispatcher;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.MalformedInteractionException;
import io.arrakis.jda.interaction.InteractionParser;
import io.arrakis.messaging.Delivery;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EnvelopeHandler;
import io.arrakis.messaging.HandlerOutcome;
import io.arrakis.state.IdempotencyClaims;
import io.arrakis.state.StateUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Consumes {@code arrakis.interactions}: parse, drop what Discord no longer accepts, claim the
 * interaction once across workers, and let the {@link InteractionDispatcher} answer it.
 *
 * <p>Exactly once, as the user sees it:
 *
 * <ul>
 *   <li>An interaction older than Discord's 3-second window is acknowledged without work: its
 *       callback would be refused (counted as {@code expired}).
 *   <li>The claim ({@code idem:{interactionId}}) turns away replays and duplicate deliveries while
 *       or after another worker handles the interaction.
 *   <li>A claim held by a worker that died: the broker marks the redelivery, and this worker takes
 *       over at once instead of waiting for the claim to expire — the window would be gone. Should
 *       the first worker still be alive, Discord accepts only one callback; the loser is told
 *       "already acknowledged" and stops.
 *   <li>Redis down: no claim, the interaction is answered anyway (Discord's one-callback rule keeps
 *       it single); the alternative, not answering, is worse.
 * </ul>
 *
 * An unparseable payload is dead-lettered; an unknown command is answered ("not available") and
 * dead-lettered for the operator.
 */
final class InteractionPipeline implements EnvelopeHandler {
  private static final Logger log = LoggerFactory.getLogger(InteractionPipeline.class);

  /** Discord's window for the initial response. */
  static final Duration WINDOW = Duration.ofSeconds(3);

  /** How long a live handler's claim lasts: longer than any deferred command takes. */
  static final Duration CLAIM_TTL = Duration.ofMinutes(2);

  /** How long a handled interaction is remembered: past its 15-minute token, replays are moot. */
  static final Duration DONE_TTL = Duration.ofMinutes(30);

  private final InteractionDispatcher dispatcher;
  private final IdempotencyClaims claims;
  private final Clock clock;
  private final MeterRegistry registry;
  private final Counter expired;
  private final Counter duplicates;
  private final Counter takeovers;
  private final Counter unclaimed;
  private final Counter malformed;
  private final Timer queueDelay;
  private final Timer firstResponse;
  private final Timer receivedToResponse;

  InteractionPipeline(
      InteractionDispatcher dispatcher,
      IdempotencyClaims claims,
      Clock clock,
      MeterRegistry registry) {
    this.dispatcher = dispatcher;
    this.claims = claims;
    this.clock = clock;
    this.registry = registry;
    this.expired =
        counter("arrakis.worker.interactions.expired", "past the 3 s window, not handled");
    this.duplicates =
        counter("arrakis.worker.interactions.duplicates", "replays and duplicates turned away");
    this.takeovers =
        counter(
            "arrakis.worker.interactions.takeovers",
            "redeliveries taken over from a worker that died holding the claim");
    this.unclaimed =
        counter(
            "arrakis.worker.interactions.unclaimed",
            "handled without an idempotency claim because Redis was unreachable");
    this.malformed =
        counter("arrakis.worker.interactions.malformed", "unparseable payloads dead-lettered");
    this.queueDelay =
        timer("arrakis.worker.interaction.queue.delay", "ingestor read the frame -> consumed");
    this.firstResponse =
        timer("arrakis.worker.interaction.first.response", "consumed -> first response accepted");
    this.receivedToResponse =
        timer(
            "arrakis.worker.interaction.received.to.response",
            "ingestor read the frame -> first response accepted");
  }

  @Override
  public HandlerOutcome handle(Delivery delivery) {
    long consumedNanos = System.nanoTime();
    Envelope envelope = delivery.envelope();
    MDC.put("event_key", envelope.messageId());
    try {
      Instant now = clock.instant();
      long receivedAtMicros = envelope.receivedAtMicros();
      long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
      if (receivedAtMicros > 0) {
        queueDelay.record(Math.max(0, nowMicros - receivedAtMicros), TimeUnit.MICROSECONDS);
      }
      Interaction interaction;
      try {
        interaction = InteractionParser.parse(envelope.body());
      } catch (MalformedInteractionException ex) {
        malformed.increment();
        log.warn("malformed interaction {}: {}", envelope.messageId(), ex.getMessage());
        return HandlerOutcome.deadLetter("MalformedInteraction", ex.getMessage());
      }
      Duration age = Duration.between(interaction.context().createdAt(), now);
      if (age.compareTo(WINDOW) > 0) {
        expired.increment();
        log.warn(
            "interaction {} is {} ms old, past Discord's 3 s window: not handled",
            envelope.messageId(),
            age.toMillis());
        return HandlerOutcome.ack();
      }
      String key = "interaction:" + Long.toUnsignedString(interaction.context().interactionId());
      IdempotencyClaims.Claim claim = null;
      try {
        IdempotencyClaims.Outcome outcome = claims.claim(key, CLAIM_TTL);
        if (outcome instanceof IdempotencyClaims.AlreadyDone) {
          duplicates.increment();
          log.info("interaction {} was already handled: duplicate ignored", envelope.messageId());
          return HandlerOutcome.ack();
        }
        if (outcome instanceof IdempotencyClaims.InProgress) {
          if (!delivery.redelivered()) {
            duplicates.increment();
            log.info("interaction {} is being handled elsewhere: duplicate", envelope.messageId());
            return HandlerOutcome.ack();
          }
          takeovers.increment();
          log.warn(
              "interaction {} redelivered while claimed: the claimant died, taking over",
              envelope.messageId());
        } else {
          claim = ((IdempotencyClaims.Claimed) outcome).claim();
        }
      } catch (StateUnavailableException ex) {
        unclaimed.increment();
        log.warn(
            "no idempotency claim for {} (Redis unreachable: {}); answering anyway",
            envelope.messageId(),
            ex.getMessage());
      }
      DispatchResult result = dispatcher.dispatch(interaction);
      record(interaction, result, consumedNanos, receivedAtMicros);
      markDone(claim);
      if (result.status() == DispatchResult.Status.UNSUPPORTED) {
        return HandlerOutcome.deadLetter("UnsupportedInteraction", result.detail());
      }
      return HandlerOutcome.ack();
    } finally {
      MDC.remove("event_key");
    }
  }

  private void record(
      Interaction interaction, DispatchResult result, long consumedNanos, long receivedAtMicros) {
    registry
        .counter(
            "arrakis.worker.interactions",
            "type",
            kind(interaction),
            "result",
            result.status().name().toLowerCase(java.util.Locale.ROOT))
        .increment();
    if (result.firstResponseNanos() > 0) {
      long sinceConsumed = result.firstResponseNanos() - consumedNanos;
      firstResponse.record(sinceConsumed, TimeUnit.NANOSECONDS);
      if (receivedAtMicros > 0) {
        long respondedMicros =
            (System.currentTimeMillis() * 1000L)
                - (System.nanoTime() - result.firstResponseNanos()) / 1000L;
        receivedToResponse.record(
            Math.max(0, respondedMicros - receivedAtMicros), TimeUnit.MICROSECONDS);
      }
    }
    if (result.status() != DispatchResult.Status.ANSWERED) {
      log.info("interaction ended {}: {}", result.status(), result.detail());
    }
  }

  private void markDone(IdempotencyClaims.Claim claim) {
    if (claim == null) {
      return;
    }
    try {
      claims.markDone(claim, DONE_TTL);
    } catch (StateUnavailableException ex) {
      log.warn("could not mark {} done: {}", claim.eventKey(), ex.getMessage());
    }
  }

  private static String kind(Interaction interaction) {
    return switch (interaction.type()) {
      case 2 -> "command";
      case 3 -> "component";
      case 4 -> "autocomplete";
      case 5 -> "modal";
      default -> "other";
    };
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }

  private Timer timer(String name, String description) {
    return Timer.builder(name)
        .description(description)
        .publishPercentiles(0.5, 0.99)
        .publishPercentileHistogram()
        .register(registry);
  }
}
