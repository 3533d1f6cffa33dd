package io.arrakis.redis;

import io.arrakis.state.GatewayCheckpoint;
import io.arrakis.state.GatewayCheckpointStore;
import io.arrakis.state.StateUnavailableException;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Checkpoints as one hash per shard, {@code gw:checkpoint:{shard}}, written atomically with its TTL
 * (refreshed on every save, so only a shard nobody holds any more expires).
 */
final class RedisGatewayCheckpointStore implements GatewayCheckpointStore {
  private final JedisPooled jedis;
  private final RedisSettings settings;

  RedisGatewayCheckpointStore(JedisPooled jedis, RedisSettings settings) {
    this.jedis = jedis;
    this.settings = settings;
  }

  private String key(int shardId) {
    return settings.keyPrefix() + "gw:checkpoint:" + shardId;
  }

  @Override
  public Optional<GatewayCheckpoint> load(int shardId) throws StateUnavailableException {
    try {
      Map<String, String> fields = jedis.hgetAll(key(shardId));
      if (fields.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new GatewayCheckpoint(
              shardId,
              fields.get("session"),
              fields.getOrDefault("resume_url", ""),
              Long.parseLong(fields.get("seq"))));
    } catch (JedisException ex) {
      throw new StateUnavailableException("Redis: cannot load checkpoint of shard " + shardId, ex);
    } catch (RuntimeException ex) {
      // A malformed entry cannot be resumed from; identify afresh rather than fail the start.
      return Optional.empty();
    }
  }

  @Override
  public void save(GatewayCheckpoint checkpoint) throws StateUnavailableException {
    String key = key(checkpoint.shardId());
    try (var tx = jedis.multi()) {
      tx.hset(
          key,
          Map.of(
              "session", checkpoint.sessionId(),
              "resume_url", checkpoint.resumeUrl(),
              "seq", Long.toString(checkpoint.sequence())));
      tx.pexpire(key, settings.checkpointTtl().toMillis());
      tx.exec();
    } catch (JedisException ex) {
      throw new StateUnavailableException(
          "Redis: cannot save checkpoint of shard " + checkpoint.shardId(), ex);
    }
  }

  @Override
  public void clear(int shardId) throws StateUnavailableException {
    try {
      jedis.del(key(shardId));
    } catch (JedisException ex) {
      throw new StateUnavailableException("Redis: cannot clear checkpoint of shard " + shardId, ex);
    }
  }
}
