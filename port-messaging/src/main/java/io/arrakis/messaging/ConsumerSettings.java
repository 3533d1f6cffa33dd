package io.arrakis.messaging;

/**
 * How a subscription consumes.
 *
 * @param prefetch unacknowledged deliveries the broker may push at once (architecture: 10)
 * @param concurrency handler threads working through them (at most {@code prefetch} are useful)
 * @param retryPolicy delays and the attempt cap for {@link HandlerOutcome.RetryLater}
 */
public record ConsumerSettings(int prefetch, int concurrency, RetryPolicy retryPolicy) {
  public static final int DEFAULT_PREFETCH = 10;

  public ConsumerSettings {
    if (prefetch < 1) {
      throw new IllegalArgumentException("prefetch must be at least 1: " + prefetch);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
    }
    java.util.Objects.requireNonNull(retryPolicy, "retryPolicy");
  }

  public static ConsumerSettings defaults(RetryPolicy retryPolicy) {
    return new ConsumerSettings(DEFAULT_PREFETCH, DEFAULT_PREFETCH, retryPolicy);
  }
}
