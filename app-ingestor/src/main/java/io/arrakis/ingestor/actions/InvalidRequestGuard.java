package io.arrakis.ingestor.actions;

import io.arrakis.state.RateLimiter;
import io.arrakis.state.RateLimiter.Allowed;
import io.arrakis.state.RateLimiter.Decision;
import io.arrakis.state.RateLimiter.Limit;
import io.arrakis.state.RateLimiter.Limited;
import io.arrakis.state.StateUnavailableException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the bot far from Discord's invalid-request ban (10,000 answers of 401, 403 or 429 in 10
 * minutes bans the IP for an hour or more). Every such answer is counted in a 10-minute sliding
 * window shared by all ingestors ({@code rl:bot:rest-invalid}, the {@link RateLimiter} port used as
 * a counter: its permits are the stop threshold, so {@code Allowed(remaining)} tells the count and
 * {@code Limited(retryAfter)} that it is above the threshold and when the oldest answer leaves).
 *
 * <ul>
 *   <li>more than {@link ActionSettings#invalidSlowAt} (1,000): {@link State#SLOW} — every action
 *       waits {@link ActionSettings#slowdown} first, and an ERROR is logged once a minute;
 *   <li>more than {@link ActionSettings#invalidStopAt} (5,000): {@link State#STOPPED} — no action
 *       is executed (they are retried later) until the oldest counted answer leaves the window.
 * </ul>
 *
 * A process learns the shared count from its own invalid answers: one that gets none adds nothing
 * to the count and keeps its pace. The state holds for at most a window after the answer that set
 * it, and is cleared by the next answer that finds the count below the threshold. Once the window
 * is full, further answers are not counted (the port counts only allowed attempts), so above the
 * stop threshold the count is a lower bound — by then nothing is being executed. Redis unreachable:
 * the answers of this process are counted locally against the same thresholds.
 *
 * <p>Metrics: {@code arrakis.actions.invalid.requests} (counter by status, {@code
 * arrakis_actions_invalid_requests_total}), gauges {@code arrakis.actions.invalid.guard.state} (0
 * normal, 1 slow, 2 stopped) and {@code arrakis.actions.invalid.requests.window} (the last count
 * seen). Thread-safe.
 */
public final class InvalidRequestGuard {
  private static final Logger log = LoggerFactory.getLogger(InvalidRequestGuard.class);

  public static final String IDENTIFIER = "bot";
  public static final String ENDPOINT = "rest-invalid";

  /** Discord counts invalid requests over 10 minutes. */
  public static final Duration WINDOW = Duration.ofMinutes(10);

  /** While slowed down or stopped, the ERROR is repeated this often. */
  public static final Duration ALARM_EVERY = Duration.ofMinutes(1);

  /** What the guard lets through. */
  public enum State {
    NORMAL,
    SLOW,
    STOPPED
  }

  private final RateLimiter shared;
  private final LocalWindowLimiter local;
  private final Limit limit;
  private final int slowAt;
  private final Duration slowdown;
  private final Clock clock;
  private final MeterRegistry registry;

  // Guarded by this.
  private Instant slowUntil = Instant.MIN;
  private Instant stopUntil = Instant.MIN;
  private Instant lastAlarm;
  private int lastCount;

  public InvalidRequestGuard(
      RateLimiter shared, ActionSettings settings, Clock clock, MeterRegistry registry) {
    this.shared = Objects.requireNonNull(shared, "shared");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.local = new LocalWindowLimiter(clock);
    this.limit = new Limit(settings.invalidStopAt(), WINDOW);
    this.slowAt = settings.invalidSlowAt();
    this.slowdown = settings.slowdown();
    Gauge.builder("arrakis.actions.invalid.guard.state", this, g -> g.state().ordinal())
        .description("invalid-request guard: 0 normal, 1 slowed down, 2 stopped")
        .register(registry);
    Gauge.builder("arrakis.actions.invalid.requests.window", this, g -> g.lastCount())
        .description("401/403/429 answers in the last 10 minutes, all ingestors (last seen)")
        .register(registry);
  }

  /** Discord counts these towards its ban. */
  public static boolean isInvalid(int httpStatus) {
    return httpStatus == 401 || httpStatus == 403 || httpStatus == 429;
  }

  /** Counts Discord's answer if it was a 401, 403 or 429; anything else is ignored. */
  public void record(int httpStatus) {
    if (!isInvalid(httpStatus)) {
      return;
    }
    registry
        .counter("arrakis.actions.invalid.requests", "status", Integer.toString(httpStatus))
        .increment();
    Decision decision;
    try {
      decision = shared.tryAcquire(IDENTIFIER, ENDPOINT, limit);
    } catch (StateUnavailableException ex) {
      decision = local.tryAcquire(IDENTIFIER, ENDPOINT, limit);
    }
    Instant now = clock.instant();
    State before;
    State after;
    synchronized (this) {
      before = stateAt(now);
      if (decision instanceof Allowed allowed) {
        lastCount = limit.permits() - allowed.remaining();
        stopUntil = Instant.MIN;
        slowUntil = lastCount > slowAt ? now.plus(WINDOW) : Instant.MIN;
      } else {
        lastCount = limit.permits() + 1; // at least: the window is full and this one is over
        stopUntil = now.plus(((Limited) decision).retryAfter());
        slowUntil = now.plus(WINDOW);
      }
      after = stateAt(now);
    }
    if (after != before) {
      if (after == State.NORMAL) {
        log.info("invalid Discord answers back under {} in 10 minutes: full pace", slowAt);
      } else {
        alarm(now, true);
      }
    }
  }

  /** The current state, logging the ERROR again when a minute passed since the last one. */
  public State check() {
    Instant now = clock.instant();
    State state = state();
    if (state != State.NORMAL) {
      alarm(now, false);
    }
    return state;
  }

  /** The current state, without logging. */
  public synchronized State state() {
    return stateAt(clock.instant());
  }

  /** The delay before each action while {@link State#SLOW}. */
  public Duration slowdown() {
    return slowdown;
  }

  /** The last count of invalid answers in the window this process saw. */
  public synchronized int lastCount() {
    return lastCount;
  }

  private State stateAt(Instant now) {
    if (now.isBefore(stopUntil)) {
      return State.STOPPED;
    }
    if (now.isBefore(slowUntil)) {
      return State.SLOW;
    }
    return State.NORMAL;
  }

  private void alarm(Instant now, boolean changed) {
    State state;
    int count;
    synchronized (this) {
      if (!changed && lastAlarm != null && now.isBefore(lastAlarm.plus(ALARM_EVERY))) {
        return;
      }
      lastAlarm = now;
      state = stateAt(now);
      count = lastCount;
    }
    if (state == State.STOPPED) {
      log.error(
          "more than {} invalid Discord answers (401/403/429) in 10 minutes across ingestors:"
              + " actions STOPPED until the count falls (Discord bans the IP at {})",
          limit.permits(),
          ActionSettings.DISCORD_INVALID_REQUEST_BAN);
    } else if (state == State.SLOW) {
      log.error(
          "{} invalid Discord answers (401/403/429) in 10 minutes across ingestors, over {}:"
              + " every action slowed by {} ms (stop at {}, Discord bans at {})",
          count,
          slowAt,
          slowdown.toMillis(),
          limit.permits(),
          ActionSettings.DISCORD_INVALID_REQUEST_BAN);
    }
  }
}
