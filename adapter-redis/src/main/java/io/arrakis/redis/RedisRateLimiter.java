package io.arrakis.redis;

import io.arrakis.state.RateLimiter;
import io.arrakis.state.StateKeys;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code rl:{identifier}:{endpoint}} is a sorted set of the allowed attempts, scored by the
 * server's clock in microseconds. One script drops the attempts older than the window, counts, and
 * adds this attempt only if it fits, so the limit holds across all workers; the key's TTL is the
 * window, re-armed on every allowed attempt, so an idle limiter leaves nothing behind.
 */
final class RedisRateLimiter implements RateLimiter {
  private static final String TRY_ACQUIRE =
      "local t = redis.call('TIME')\n"
          + "local now = tonumber(t[1]) * 1000000 + tonumber(t[2])\n"
          + "local permits = tonumber(ARGV[1])\n"
          + "local window = tonumber(ARGV[2])\n"
          + "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%d', now - window))\n"
          + "local count = redis.call('ZCARD', KEYS[1])\n"
          + "if count < permits then\n"
          + "  redis.call('ZADD', KEYS[1], string.format('%d', now),"
          + " string.format('%d', now) .. ':' .. ARGV[3])\n"
          + "  redis.call('PEXPIRE', KEYS[1], string.format('%d', math.ceil(window / 1000)))\n"
          + "  return {1, permits - count - 1}\n"
          + "end\n"
          + "local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')\n"
          + "return {0, string.format('%d', tonumber(oldest[2]) + window - now)}\n";

  private final RedisCalls redis;

  RedisRateLimiter(RedisCalls redis) {
    this.redis = redis;
  }

  @Override
  public Decision tryAcquire(String identifier, String endpoint, Limit limit)
      throws StateUnavailableException {
    String key = StateKeys.rateLimit(identifier, endpoint);
    Objects.requireNonNull(limit, "limit");
    long windowMicros = limit.window().toNanos() / 1000;
    return redis.eval(
        "count attempt on " + key,
        TRY_ACQUIRE,
        List.of(redis.key(key)),
        // the member's random part keeps two attempts in the same microsecond apart
        List.of(
            Integer.toString(limit.permits()),
            Long.toString(windowMicros),
            UUID.randomUUID().toString()),
        RedisRateLimiter::decision);
  }

  private static Decision decision(Object reply) {
    List<?> fields = (List<?>) reply;
    long allowed = (Long) fields.get(0);
    if (allowed == 1) {
      return new Allowed(Math.toIntExact((Long) fields.get(1)));
    }
    long retryMicros = Long.parseLong(fields.get(1).toString());
    return new Limited(Duration.ofNanos(Math.max(0, retryMicros) * 1000));
  }
}
