package io.arrakis.state;

import java.time.Duration;
import java.util.Objects;

/**
 * Sliding-window limits ({@code rl:{identifier}:{endpoint}}, e.g. {@code rl:user:42:interactions}
 * at 5 per second, {@code rl:guild:7:interactions} at 100 per second, {@code
 * rl:user:42:verify-submit} at 3 per minute): at most {@link Limit#permits} attempts in any window
 * of {@link Limit#window}. Only allowed attempts count, so a client that keeps hammering is let
 * through again as soon as its earlier allowed attempts leave the window.
 */
public interface RateLimiter {

  /** Counts one attempt if it is within the limit. Atomic across all processes. */
  Decision tryAcquire(String identifier, String endpoint, Limit limit)
      throws StateUnavailableException;

  /** At most {@code permits} attempts in any sliding window of {@code window}. */
  record Limit(int permits, Duration window) {
    public Limit {
      if (permits < 1) {
        throw new IllegalArgumentException("permits must be at least 1: " + permits);
      }
      StateKeys.positive("window", window);
    }

    public static Limit perSecond(int permits) {
      return new Limit(permits, Duration.ofSeconds(1));
    }

    public static Limit perMinute(int permits) {
      return new Limit(permits, Duration.ofMinutes(1));
    }
  }

  /** The outcome of {@link #tryAcquire}. */
  sealed interface Decision permits Allowed, Limited {}

  /** Counted; {@code remaining} more attempts would be allowed right now. */
  record Allowed(int remaining) implements Decision {
    public Allowed {
      if (remaining < 0) {
        throw new IllegalArgumentException("remaining must not be negative: " + remaining);
      }
    }
  }

  /**
   * Refused and not counted; the oldest counted attempt leaves the window after {@code retryAfter}.
   */
  record Limited(Duration retryAfter) implements Decision {
    public Limited {
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
      }
    }
  }
}
