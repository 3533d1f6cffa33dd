package io.arrakis.redis;

import io.arrakis.state.IdempotencyClaims;
import io.arrakis.state.StateKeys;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import redis.clients.jedis.params.SetParams;

/**
 * {@code idem:{eventKey}} holds {@code claimed:{token}} while a worker handles the event (TTL = the
 * claim's TTL) and {@code done} afterwards (TTL = how long duplicates can arrive). Claiming and
 * releasing are scripts, so only the current claim's holder can release it.
 */
final class RedisIdempotencyClaims implements IdempotencyClaims {
  private static final String CLAIMED = "claimed:";
  private static final String DONE = "done";

  private static final String CLAIM =
      "local v = redis.call('GET', KEYS[1])\n"
          + "if not v then\n"
          + "  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])\n"
          + "  return 'claimed'\n"
          + "end\n"
          + "if v == 'done' then return 'done' end\n"
          + "return 'busy'\n";

  private static final String RELEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end\n"
          + "return 0\n";

  private final RedisCalls redis;

  RedisIdempotencyClaims(RedisCalls redis) {
    this.redis = redis;
  }

  @Override
  public Outcome claim(String eventKey, Duration ttl) throws StateUnavailableException {
    String key = StateKeys.claim(eventKey);
    StateKeys.positive("ttl", ttl);
    String token = UUID.randomUUID().toString();
    String reply =
        redis.eval(
            "claim " + key,
            CLAIM,
            List.of(redis.key(key)),
            List.of(CLAIMED + token, Long.toString(ttl.toMillis())),
            String.class::cast);
    return switch (reply) {
      case "claimed" -> new Claimed(new Claim(eventKey, token));
      case "done" -> new AlreadyDone();
      default -> new InProgress();
    };
  }

  @Override
  public void markDone(Claim claim, Duration keepFor) throws StateUnavailableException {
    Objects.requireNonNull(claim, "claim");
    StateKeys.positive("keepFor", keepFor);
    String key = StateKeys.claim(claim.eventKey());
    // Unconditional: the effects happened, whoever holds the key now must not repeat them.
    redis.call(
        "mark done " + key,
        jedis -> jedis.set(redis.key(key), DONE, SetParams.setParams().px(keepFor.toMillis())));
  }

  @Override
  public boolean release(Claim claim) throws StateUnavailableException {
    Objects.requireNonNull(claim, "claim");
    String key = StateKeys.claim(claim.eventKey());
    return redis.eval(
        "release " + key,
        RELEASE,
        List.of(redis.key(key)),
        List.of(CLAIMED + claim.token()),
        reply -> (Long) reply == 1L);
  }
}
