package io.arrakis.redis;

import io.arrakis.state.CooldownStore;
import io.arrakis.state.StateKeys;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.util.List;

/**
 * {@code cd:{command}:{userId}} holds the cooldown's end (epoch ms, as the spec's table says) with
 * a TTL of the cooldown: set-if-absent and the time left are read in one script, so two
 * simultaneous invocations cannot both start it and a refused one never extends it.
 */
final class RedisCooldownStore implements CooldownStore {
  private static final String TRY_START =
      RedisCalls.NOW_MS
          + "if redis.call('SET', KEYS[1], string.format('%d', now + tonumber(ARGV[1])),"
          + " 'NX', 'PX', ARGV[1]) then return -1 end\n"
          + "local left = redis.call('PTTL', KEYS[1])\n"
          // a key without a TTL was not written by us; give it one rather than cool forever
          + "if left == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); return tonumber(ARGV[1]) end\n"
          + "return left\n";

  private final RedisCalls redis;

  RedisCooldownStore(RedisCalls redis) {
    this.redis = redis;
  }

  @Override
  public Decision tryStart(String command, String userId, Duration cooldown)
      throws StateUnavailableException {
    String key = StateKeys.cooldown(command, userId);
    StateKeys.positive("cooldown", cooldown);
    long left =
        redis.eval(
            "start cooldown " + key,
            TRY_START,
            List.of(redis.key(key)),
            List.of(Long.toString(cooldown.toMillis())),
            reply -> (Long) reply);
    if (left == -1) {
      return new Started();
    }
    // PTTL rounds down: under a millisecond left still means cooling
    return new Cooling(Duration.ofMillis(Math.max(1, left)));
  }
}
