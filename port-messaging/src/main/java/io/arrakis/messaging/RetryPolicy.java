package io.arrakis.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Delayed retries: after the n-th failed attempt a message waits {@code delays[n-1]} (the last
 * delay repeats) and is tried again, until {@code maxAttempts} attempts failed; then it is
 * dead-lettered. Each delay has its own queue in the topology, so the set of delays is part of the
 * topology and cannot change without a migration.
 */
public record RetryPolicy(List<Duration> delays, int maxAttempts) {

  /** Architecture section 3.3: 5 s, 30 s, 5 min; four attempts in all. */
  public static final RetryPolicy STANDARD =
      new RetryPolicy(
          List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5)), 4);

  public RetryPolicy {
    delays = List.copyOf(delays);
    if (delays.isEmpty()) {
      throw new IllegalArgumentException("a retry policy needs at least one delay");
    }
    for (Duration delay : delays) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()
          || delay.isZero()
          || delay.toMillisPart() != 0 && delay.toSeconds() > 0) {
        throw new IllegalArgumentException(
            "delays must be positive whole seconds, or milliseconds under one second: " + delay);
      }
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (delays.stream().map(RetryPolicy::label).distinct().count() != delays.size()) {
      throw new IllegalArgumentException("delays must be distinct: " + delays);
    }
  }

  /** The delay after {@code failedAttempt} failed attempts (1-based), if another try is allowed. */
  public java.util.Optional<Duration> delayAfter(int failedAttempt) {
    if (failedAttempt < 1) {
      throw new IllegalArgumentException("failedAttempt is 1-based: " + failedAttempt);
    }
    if (failedAttempt >= maxAttempts) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(delays.get(Math.min(failedAttempt, delays.size()) - 1));
  }

  /** The queue-name label of a delay: {@code 250ms}, {@code 5s}, {@code 5m}, {@code 1h}. */
  public static String label(Duration delay) {
    long millis = delay.toMillis();
    if (millis < 1_000) {
      return millis + "ms";
    }
    long seconds = delay.toSeconds();
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
