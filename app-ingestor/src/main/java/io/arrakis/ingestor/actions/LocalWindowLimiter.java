package io.arrakis.ingestor.actions;

import io.arrakis.state.RateLimiter;
import io.arrakis.state.StateKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The same sliding-window log as the Redis limiter, in this process only: the fallback of {@link
 * GlobalPacer} and {@link InvalidRequestGuard} while Redis is unreachable. A log rather than a
 * token bucket because a bucket lets its burst and its refill through in one window; the log never
 * lets more than {@code permits} through in any window, exactly like the shared limiter. It holds
 * at most {@code permits} instants per key (45 for the pacer, a few thousand for the guard).
 * Thread-safe; never throws {@link io.arrakis.state.StateUnavailableException}.
 */
public final class LocalWindowLimiter implements RateLimiter {
  private final Clock clock;
  private final Map<String, Deque<Instant>> windows = new HashMap<>();

  public LocalWindowLimiter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized Decision tryAcquire(String identifier, String endpoint, Limit limit) {
    String key = StateKeys.rateLimit(identifier, endpoint);
    Objects.requireNonNull(limit, "limit");
    Instant now = clock.instant();
    Instant windowStart = now.minus(limit.window());
    Deque<Instant> counted = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    // An attempt exactly one window old no longer counts (the Redis script's boundary).
    while (!counted.isEmpty() && !counted.peekFirst().isAfter(windowStart)) {
      counted.pollFirst();
    }
    if (counted.size() < limit.permits()) {
      counted.addLast(now);
      return new Allowed(limit.permits() - counted.size());
    }
    return new Limited(Duration.between(windowStart, counted.peekFirst()));
  }
}
