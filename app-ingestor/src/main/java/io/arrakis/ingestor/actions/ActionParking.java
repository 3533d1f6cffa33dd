package io.arrakis.ingestor.actions;

import io.arrakis.messaging.Delivery;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EnvelopeHeaders;
import io.arrakis.messaging.EventPublisher;
import io.arrakis.messaging.RetryPolicy;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts an action aside until a given instant without holding a consumer thread: the action is
 * republished into a park queue and acknowledged only once the broker confirmed it, so nothing is
 * lost if the ingestor dies in between (at worst it exists twice, and the idempotency claim
 * dedupes).
 *
 * <p>Park queues are delay tiers of 100, 250, 500 ms and 1, 2, 4 … 512 s ({@code
 * arrakis.actions.park.{tier}}): each has one TTL, so its messages expire in arrival order
 * (RabbitMQ only expires at a queue's head), and dead-letter through the retry-return exchange back
 * to the queue the action came from (the {@code origin-queue} header, as the standard retries do).
 * A wait is covered by the largest tier not longer than it; the action carries {@code park-until}
 * and, when it comes back early, is parked again for the rest (a 30-minute wait takes about 8
 * hops). What is left under the shortest tier is slept by the handler.
 */
public final class ActionParking {

  /** When the parked action may run, epoch milliseconds. */
  public static final String PARK_UNTIL = "park-until";

  /** The delay tiers, shortest first. */
  public static final List<Duration> TIERS = tiers();

  /** Waits shorter than this are slept in the handler, not parked. */
  public static final Duration SHORTEST = TIERS.get(0);

  /** How long the broker may take to confirm a parked action. */
  static final Duration CONFIRM = Duration.ofSeconds(10);

  private static final String LABEL_PREFIX = "park-";

  private final EventPublisher publisher;
  private final Clock clock;

  public ActionParking(EventPublisher publisher, Clock clock) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private static List<Duration> tiers() {
    List<Duration> tiers = new ArrayList<>();
    tiers.add(Duration.ofMillis(100));
    tiers.add(Duration.ofMillis(250));
    tiers.add(Duration.ofMillis(500));
    for (int seconds = 1; seconds <= 512; seconds *= 2) {
      tiers.add(Duration.ofSeconds(seconds));
    }
    return List.copyOf(tiers);
  }

  /** The park queue of each tier, bound to the retry exchange, returning to the origin queue. */
  public static Topology topology(Topology base) {
    List<Topology.QueueSpec> queues = new ArrayList<>();
    List<Topology.BindingSpec> bindings = new ArrayList<>();
    String queueType = base.profile() == TopologyProfile.QUORUM ? "quorum" : "classic";
    for (Duration tier : TIERS) {
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("x-queue-type", queueType);
      args.put("x-message-ttl", tier.toMillis());
      args.put("x-dead-letter-exchange", base.names().retryReturnExchange());
      String queue = queueName(base, tier);
      queues.add(new Topology.QueueSpec(queue, args));
      Map<String, Object> match = new LinkedHashMap<>();
      match.put("x-match", "all");
      match.put(EnvelopeHeaders.RETRY_DELAY, label(tier));
      bindings.add(new Topology.BindingSpec(base.names().retryExchange(), queue, "", match));
    }
    return new Topology(
        base.names(), base.profile(), base.retryPolicy(), List.of(), queues, bindings);
  }

  static String queueName(Topology base, Duration tier) {
    return base.names().actionsExchange() + ".park." + RetryPolicy.label(tier);
  }

  static String label(Duration tier) {
    return LABEL_PREFIX + RetryPolicy.label(tier);
  }

  /** The largest tier not longer than {@code wait} (the shortest for shorter waits). */
  static Duration tierFor(Duration wait) {
    Duration best = SHORTEST;
    for (Duration tier : TIERS) {
      if (tier.compareTo(wait) <= 0) {
        best = tier;
      }
    }
    return best;
  }

  /** When a parked action may run; empty if it was never parked. */
  public static Optional<Instant> parkedUntil(Envelope envelope) {
    String value = envelope.headers().get(PARK_UNTIL);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.ofEpochMilli(Long.parseLong(value)));
    } catch (NumberFormatException ex) {
      return Optional.empty(); // not ours to trust: run it now
    }
  }

  /**
   * Parks the delivered action until {@code until} and waits for the broker's confirm.
   *
   * @param headers set on the parked copy; a null value removes the header
   * @throws ParkingFailedException when it was not confirmed (the caller must not ack)
   */
  public void park(Delivery delivery, Instant until, Map<String, String> headers)
      throws ParkingFailedException, InterruptedException {
    Duration wait = Duration.between(clock.instant(), until);
    Duration tier = tierFor(wait);
    Map<String, String> merged = new HashMap<>(delivery.envelope().headers());
    headers.forEach(
        (name, value) -> {
          if (value == null) {
            merged.remove(name);
          } else {
            merged.put(name, value);
          }
        });
    merged.put(PARK_UNTIL, Long.toString(until.toEpochMilli()));
    merged.put(EnvelopeHeaders.RETRY_DELAY, label(tier));
    merged.put(EnvelopeHeaders.ORIGIN_QUEUE, delivery.queue());
    Envelope parked = delivery.envelope().toBuilder().headers(merged).build();
    try {
      publisher
          .publish(publisher.names().retryExchange(), parked)
          .get(CONFIRM.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException ex) {
      throw new ParkingFailedException(String.valueOf(ex.getCause()));
    } catch (TimeoutException ex) {
      throw new ParkingFailedException("no confirm within " + CONFIRM);
    } catch (RuntimeException ex) {
      throw new ParkingFailedException(ex.toString());
    }
  }

  /** The parked copy was not confirmed by the broker. */
  public static final class ParkingFailedException extends Exception {
    ParkingFailedException(String message) {
      super(message);
    }
  }
}
