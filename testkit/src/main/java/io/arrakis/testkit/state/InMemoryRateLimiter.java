package io.arrakis.testkit.state;

import io.arrakis.state.RateLimiter;
import io.arrakis.state.StateKeys;
import io.arrakis.state.StateUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Sliding-window logs in a map, driven by the given clock; can be switched "down". */
public final class InMemoryRateLimiter extends InMemoryStateSupport implements RateLimiter {
  private final Map<String, Deque<Instant>> windows = new HashMap<>();

  public InMemoryRateLimiter(Clock clock) {
    super(clock);
  }

  public InMemoryRateLimiter() {
    this(Clock.systemUTC());
  }

  @Override
  public synchronized Decision tryAcquire(String identifier, String endpoint, Limit limit)
      throws StateUnavailableException {
    String key = StateKeys.rateLimit(identifier, endpoint);
    Objects.requireNonNull(limit, "limit");
    check();
    Instant now = now();
    Instant windowStart = now.minus(limit.window());
    Deque<Instant> counted = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    // Same boundary as the Redis script: an attempt exactly one window old no longer counts.
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
