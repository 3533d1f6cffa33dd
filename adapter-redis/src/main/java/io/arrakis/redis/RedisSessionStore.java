package io.arrakis.redis;

import io.arrakis.state.SessionStore;
import io.arrakis.state.StateKeys;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

/**
 * {@code sess:{type}:{userId}} holds the caller's serialised session as a string, always written
 * with its TTL in the same command ({@code SET … PX}, {@code SET … NX PX}); the sliding refresh is
 * {@code GETEX … PX}, which reads and re-arms the TTL in one step and never creates a key.
 */
final class RedisSessionStore implements SessionStore {
  private final RedisCalls redis;

  RedisSessionStore(RedisCalls redis) {
    this.redis = redis;
  }

  @Override
  public void put(String type, String userId, String value, Duration ttl)
      throws StateUnavailableException {
    String key = StateKeys.session(type, userId);
    Objects.requireNonNull(value, "value");
    StateKeys.positive("ttl", ttl);
    redis.call(
        "store session " + key,
        jedis -> jedis.set(redis.key(key), value, SetParams.setParams().px(ttl.toMillis())));
  }

  @Override
  public boolean putIfAbsent(String type, String userId, String value, Duration ttl)
      throws StateUnavailableException {
    String key = StateKeys.session(type, userId);
    Objects.requireNonNull(value, "value");
    StateKeys.positive("ttl", ttl);
    return redis.call(
        "create session " + key,
        jedis ->
            "OK"
                .equals(
                    jedis.set(
                        redis.key(key), value, SetParams.setParams().nx().px(ttl.toMillis()))));
  }

  @Override
  public Optional<String> get(String type, String userId) throws StateUnavailableException {
    String key = StateKeys.session(type, userId);
    return Optional.ofNullable(
        redis.call("read session " + key, jedis -> jedis.get(redis.key(key))));
  }

  @Override
  public Optional<String> touch(String type, String userId, Duration ttl)
      throws StateUnavailableException {
    String key = StateKeys.session(type, userId);
    StateKeys.positive("ttl", ttl);
    return Optional.ofNullable(
        redis.call(
            "refresh session " + key,
            jedis -> jedis.getEx(redis.key(key), GetExParams.getExParams().px(ttl.toMillis()))));
  }

  @Override
  public boolean delete(String type, String userId) throws StateUnavailableException {
    String key = StateKeys.session(type, userId);
    return redis.call("delete session " + key, jedis -> jedis.del(redis.key(key)) > 0);
  }
}
