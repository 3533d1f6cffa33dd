package io.arrakis.ingestor.actions;

import java.time.Duration;
import java.util.Objects;

/**
 * How the ingestor executes privileged actions (environment variables in parentheses).
 *
 * @param ratePerSecond REST requests per second all ingestors together may send for actions, below
 *     Discord's global 50 ({@code ACTION_RATE_PER_SECOND}, 40)
 * @param prefetch deliveries the broker pushes per action queue at once ({@code ACTION_PREFETCH},
 *     10)
 * @param concurrency handler threads per action queue ({@code ACTION_CONCURRENCY}, 4)
 * @param ingestorCount how many ingestor processes share the budget; only used while Redis is
 *     unreachable, when each process paces itself at {@code ratePerSecond / ingestorCount} ({@code
 *     INGESTOR_COUNT}, 1)
 * @param invalidSlowAt more 401/403/429 answers than this in 10 minutes, across processes, slow
 *     every action down and alarm ({@code ACTION_INVALID_SLOW_AT}, 1,000: 10 % of Discord's ban
 *     threshold)
 * @param invalidStopAt more than this stop executing until the count falls ({@code
 *     ACTION_INVALID_STOP_AT}, 5,000)
 * @param slowdown the delay before each action while slowed down ({@code
 *     ACTION_INVALID_SLOWDOWN_MS}, 1,000)
 */
public record ActionSettings(
    int ratePerSecond,
    int prefetch,
    int concurrency,
    int ingestorCount,
    int invalidSlowAt,
    int invalidStopAt,
    Duration slowdown) {

  /** Discord's global limit: requests per second per bot, all routes together. */
  public static final int DISCORD_GLOBAL_LIMIT = 50;

  /** Discord bans the IP after this many invalid requests (401, 403, 429) in 10 minutes. */
  public static final int DISCORD_INVALID_REQUEST_BAN = 10_000;

  /**
   * 40, not 49: a permit is taken before the request is handed to JDA, and requests in flight (up
   * to ACTION_CONCURRENCY per queue, per ingestor) can leave together after a scheduling hiccup on
   * a busy host; the headroom absorbs that burst. 45 measured 10 429s in one CI run out of four.
   */
  public static final int DEFAULT_RATE_PER_SECOND = 40;

  public static final int DEFAULT_PREFETCH = 10;
  public static final int DEFAULT_CONCURRENCY = 4;
  public static final int DEFAULT_INGESTOR_COUNT = 1;
  public static final int DEFAULT_INVALID_SLOW_AT = 1_000;
  public static final int DEFAULT_INVALID_STOP_AT = 5_000;
  public static final Duration DEFAULT_SLOWDOWN = Duration.ofSeconds(1);

  /** The longest slowdown: a handler holds its claim (and its delivery) while it waits. */
  public static final Duration MAX_SLOWDOWN = Duration.ofSeconds(30);

  public static final ActionSettings DEFAULTS =
      new ActionSettings(
          DEFAULT_RATE_PER_SECOND,
          DEFAULT_PREFETCH,
          DEFAULT_CONCURRENCY,
          DEFAULT_INGESTOR_COUNT,
          DEFAULT_INVALID_SLOW_AT,
          DEFAULT_INVALID_STOP_AT,
          DEFAULT_SLOWDOWN);

  public ActionSettings {
    if (ratePerSecond < 1 || ratePerSecond > DISCORD_GLOBAL_LIMIT) {
      throw new IllegalArgumentException(
          "ratePerSecond must be 1.." + DISCORD_GLOBAL_LIMIT + ": " + ratePerSecond);
    }
    if (prefetch < 1 || concurrency < 1 || ingestorCount < 1) {
      throw new IllegalArgumentException(
          "prefetch, concurrency and ingestorCount must be at least 1");
    }
    if (invalidSlowAt < 1
        || invalidStopAt <= invalidSlowAt
        || invalidStopAt >= DISCORD_INVALID_REQUEST_BAN) {
      throw new IllegalArgumentException(
          "need 1 <= invalidSlowAt < invalidStopAt < "
              + DISCORD_INVALID_REQUEST_BAN
              + ": "
              + invalidSlowAt
              + ", "
              + invalidStopAt);
    }
    Objects.requireNonNull(slowdown, "slowdown");
    if (slowdown.isNegative() || slowdown.compareTo(MAX_SLOWDOWN) > 0) {
      throw new IllegalArgumentException("slowdown must be 0.." + MAX_SLOWDOWN + ": " + slowdown);
    }
  }

  /** What one process may send while Redis is unreachable: its share of the budget, at least 1. */
  public int localRatePerSecond() {
    return Math.max(1, ratePerSecond / ingestorCount);
  }
}
