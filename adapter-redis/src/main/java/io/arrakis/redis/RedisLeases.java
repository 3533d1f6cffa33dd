package io.arrakis.redis;

import io.arrakis.state.Leases;
import io.arrakis.state.StateKeys;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code lock:{name}} holds {@code {fencingToken}:{holder}} with the lease's TTL; {@code
 * fence:{name}} holds the last token handed out. Acquire, renew and release are scripts that
 * compare the whole value, so only the acquisition that holds the lease can extend or end it (not
 * even the same holder's earlier, expired acquisition).
 *
 * <p>A token is the larger of the last token + 1 and the server's clock in epoch milliseconds:
 * strictly increasing while {@code fence:{name}} lives, and still increasing after it expired (it
 * lives at least a day), because by then the clock has passed every earlier token.
 */
final class RedisLeases implements Leases {
  static final Duration FENCE_TTL = Duration.ofDays(1);

  private static final String ACQUIRE =
      "local held = redis.call('GET', KEYS[1])\n"
          + "if held then return {0, held, redis.call('PTTL', KEYS[1])} end\n"
          + RedisCalls.NOW_MS
          + "local last = tonumber(redis.call('GET', KEYS[2]) or '0')\n"
          + "local token = string.format('%d', math.max(last + 1, now))\n"
          + "redis.call('SET', KEYS[2], token, 'PX', ARGV[3])\n"
          + "redis.call('SET', KEYS[1], token .. ':' .. ARGV[1], 'PX', ARGV[2])\n"
          + "return {1, token}\n";

  private static final String RENEW =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then"
          + " return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end\n"
          + "return 0\n";

  private static final String RELEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end\n"
          + "return 0\n";

  private final RedisCalls redis;

  RedisLeases(RedisCalls redis) {
    this.redis = redis;
  }

  @Override
  public Attempt tryAcquire(String name, String holder, Duration ttl)
      throws StateUnavailableException {
    String key = StateKeys.lease(name);
    StateKeys.segment("holder", holder);
    StateKeys.positive("ttl", ttl);
    long fenceTtl = Math.max(ttl.toMillis(), FENCE_TTL.toMillis());
    return redis.eval(
        "acquire " + key,
        ACQUIRE,
        List.of(redis.key(key), redis.key(StateKeys.fence(name))),
        List.of(holder, Long.toString(ttl.toMillis()), Long.toString(fenceTtl)),
        reply -> attempt(name, holder, (List<?>) reply));
  }

  private static Attempt attempt(String name, String holder, List<?> reply) {
    if ((Long) reply.get(0) == 1L) {
      return new Acquired(new Lease(name, holder, Long.parseLong((String) reply.get(1))));
    }
    String value = (String) reply.get(1);
    String currentHolder = value.substring(value.indexOf(':') + 1);
    long left = (Long) reply.get(2);
    return new HeldByOther(currentHolder, Duration.ofMillis(Math.max(0, left)));
  }

  private static String value(Lease lease) {
    return lease.fencingToken() + ":" + lease.holder();
  }

  @Override
  public boolean renew(Lease lease, Duration ttl) throws StateUnavailableException {
    Objects.requireNonNull(lease, "lease");
    StateKeys.positive("ttl", ttl);
    String key = StateKeys.lease(lease.name());
    return redis.eval(
        "renew " + key,
        RENEW,
        List.of(redis.key(key)),
        List.of(value(lease), Long.toString(ttl.toMillis())),
        reply -> (Long) reply == 1L);
  }

  @Override
  public boolean release(Lease lease) throws StateUnavailableException {
    Objects.requireNonNull(lease, "lease");
    String key = StateKeys.lease(lease.name());
    return redis.eval(
        "release " + key,
        RELEASE,
        List.of(redis.key(key)),
        List.of(value(lease)),
        reply -> (Long) reply == 1L);
  }
}
