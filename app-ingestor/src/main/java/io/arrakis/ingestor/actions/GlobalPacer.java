package io.arrakis.ingestor.actions;

import io.arrakis.state.RateLimiter;
import io.arrakis.state.RateLimiter.Allowed;
import io.arrakis.state.RateLimiter.Decision;
import io.arrakis.state.RateLimiter.Limit;
import io.arrakis.state.RateLimiter.Limited;
import io.arrakis.state.StateUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST budget every ingestor process shares, proactively below Discord's global limit (50
 * requests per second per bot): before an action is executed, one permit per request it may need is
 * taken from a sliding window in Redis ({@code rl:bot:rest-global}, {@link
 * ActionSettings#ratePerSecond} per second), so however many ingestors run, no second carries more
 * than the budget. While the window is full the caller sleeps until its oldest request leaves it
 * ({@code retryAfter}), for at most {@link #DEFAULT_MAX_WAIT} per action; beyond that the action is
 * retried later rather than held (the broker's ack timeout).
 *
 * <p><b>Redis unreachable:</b> each process falls back to its share, {@code rate / INGESTOR_COUNT}
 * per second, counted in this process ({@link LocalWindowLimiter}); the sum over all processes
 * stays within the budget as long as {@code INGESTOR_COUNT} is not set lower than the processes
 * running. The fallback is held for {@link #FALLBACK_HOLD} after the last failure (no flapping
 * between the two), and on the way back the process first lets its local grants leave the window,
 * so no window ever holds local grants that Redis does not know of next to a full shared budget.
 *
 * <p>Metrics: {@code arrakis.actions.global.limit.waits} (a timer: how many acquisitions had to
 * wait and for how long in total), {@code arrakis.actions.global.limit.gave.up}, {@code
 * arrakis.actions.global.limit.fallbacks} and the gauge {@code arrakis.actions.global.limit.local}
 * (1 while pacing locally). Thread-safe.
 */
public final class GlobalPacer {
  private static final Logger log = LoggerFactory.getLogger(GlobalPacer.class);

  public static final String IDENTIFIER = "bot";
  public static final String ENDPOINT = "rest-global";

  /** Discord's global limit is per second. */
  public static final Duration WINDOW = Duration.ofSeconds(1);

  /** How long one action may wait for its permits before it is retried later instead. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

  /**
   * How long the local fallback is kept after Redis last failed. Going back costs up to one window
   * without grants (the drain), so this is long against the window: while Redis stays down the
   * process tries it again only every 30 s and loses at most 1 s of its share each time.
   */
  public static final Duration FALLBACK_HOLD = Duration.ofSeconds(30);

  private static final Duration MIN_STEP = Duration.ofMillis(1);

  private final RateLimiter shared;
  private final LocalWindowLimiter local;
  private final Limit sharedLimit;
  private final Limit localLimit;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration maxWait;
  private final Timer waits;
  private final Counter gaveUp;
  private final Counter fallbacks;

  // Guarded by this.
  private Instant fallbackUntil = Instant.MIN;
  private Instant lastLocalGrant;
  private boolean degraded;

  public GlobalPacer(
      RateLimiter shared,
      ActionSettings settings,
      Clock clock,
      Sleeper sleeper,
      MeterRegistry registry) {
    this(shared, settings, clock, sleeper, DEFAULT_MAX_WAIT, registry);
  }

  GlobalPacer(
      RateLimiter shared,
      ActionSettings settings,
      Clock clock,
      Sleeper sleeper,
      Duration maxWait,
      MeterRegistry registry) {
    this.shared = Objects.requireNonNull(shared, "shared");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    this.local = new LocalWindowLimiter(clock);
    this.sharedLimit = new Limit(settings.ratePerSecond(), WINDOW);
    this.localLimit = new Limit(settings.localRatePerSecond(), WINDOW);
    this.waits =
        Timer.builder("arrakis.actions.global.limit.waits")
            .description("acquisitions that waited for the shared REST budget, and how long")
            .register(registry);
    this.gaveUp =
        Counter.builder("arrakis.actions.global.limit.gave.up")
            .description("actions retried later because the budget stayed full or we stopped")
            .register(registry);
    this.fallbacks =
        Counter.builder("arrakis.actions.global.limit.fallbacks")
            .description("permits taken from the local share because Redis was unreachable")
            .register(registry);
    Gauge.builder("arrakis.actions.global.limit.local", this, p -> p.pacingLocally() ? 1 : 0)
        .description("1 while this process paces itself locally (Redis unreachable)")
        .register(registry);
  }

  /**
   * Blocks until the budget granted {@code requests} permits.
   *
   * @param giveUp checked before every wait; true stops waiting (the process is shutting down)
   * @return false when the permits did not come within the maximum wait, or {@code giveUp} said so:
   *     the caller must not send the requests
   */
  public boolean acquire(int requests, BooleanSupplier giveUp) throws InterruptedException {
    Duration waited = Duration.ZERO;
    try {
      for (int i = 0; i < requests; i++) {
        while (true) {
          Decision decision = decide();
          if (decision instanceof Allowed) {
            break;
          }
          Duration step = ((Limited) decision).retryAfter();
          if (step.compareTo(MIN_STEP) < 0) {
            step = MIN_STEP;
          } else if (step.compareTo(WINDOW) > 0) {
            step = WINDOW;
          }
          if (giveUp.getAsBoolean() || waited.plus(step).compareTo(maxWait) > 0) {
            gaveUp.increment();
            return false;
          }
          sleeper.sleep(step);
          waited = waited.plus(step);
        }
      }
      return true;
    } finally {
      if (!waited.isZero()) {
        waits.record(waited);
      }
    }
  }

  /** True while Redis is treated as unreachable and this process paces on its own. */
  public synchronized boolean pacingLocally() {
    return clock.instant().isBefore(fallbackUntil);
  }

  private Decision decide() {
    Instant now = clock.instant();
    synchronized (this) {
      if (now.isBefore(fallbackUntil)) {
        return local(now);
      }
      if (lastLocalGrant != null) {
        Instant clear = lastLocalGrant.plus(WINDOW);
        if (now.isBefore(clear)) {
          // Back from the fallback: let the grants Redis never saw leave the window first.
          return new Limited(Duration.between(now, clear));
        }
        lastLocalGrant = null;
      }
    }
    try {
      Decision decision = shared.tryAcquire(IDENTIFIER, ENDPOINT, sharedLimit);
      synchronized (this) {
        if (degraded) {
          degraded = false;
          log.info("Redis reachable again: pacing actions on the shared budget");
        }
      }
      return decision;
    } catch (StateUnavailableException ex) {
      synchronized (this) {
        if (!degraded) {
          degraded = true;
          log.warn(
              "Redis unreachable for the shared REST budget ({}): pacing actions locally at {}/s",
              ex.getMessage(),
              localLimit.permits());
        }
        fallbackUntil = now.plus(FALLBACK_HOLD);
        return local(now);
      }
    }
  }

  // Guarded by this.
  private Decision local(Instant now) {
    Decision decision = local.tryAcquire(IDENTIFIER, ENDPOINT, localLimit);
    if (decision instanceof Allowed) {
      lastLocalGrant = now;
      fallbacks.increment();
    }
    return decision;
  }
}
