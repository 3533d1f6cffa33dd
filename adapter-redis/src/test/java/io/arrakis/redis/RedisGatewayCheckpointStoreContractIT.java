package io.arrakis.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.state.GatewayCheckpoint;
import io.arrakis.state.GatewayCheckpointStore;
import io.arrakis.state.StateUnavailableException;
import io.arrakis.testkit.state.AbstractGatewayCheckpointStoreContractTest;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** The Redis store against the machine's real Redis passes the same contract as the fake. */
class RedisGatewayCheckpointStoreContractIT extends AbstractGatewayCheckpointStoreContractTest {
  private final String prefix = "it:" + UUID.randomUUID().toString().substring(0, 8) + ":";
  private Redis redis;

  @Override
  protected GatewayCheckpointStore emptyStore() {
    redis = Redis.connect(RedisSettings.defaults(RedisSettings.DEFAULT_URI).withKeyPrefix(prefix));
    return redis.gatewayCheckpoints();
  }

  @AfterEach
  void cleanUp() {
    try (JedisPooled jedis = new JedisPooled("127.0.0.1", 6379)) {
      jedis.keys(prefix + "*").forEach(jedis::del);
    }
    redis.close();
  }

  @Test
  void everyCheckpointKeyHasATtl() throws Exception {
    redis.gatewayCheckpoints().save(new GatewayCheckpoint(7, "s", "ws://r", 1));
    try (JedisPooled jedis = new JedisPooled("127.0.0.1", 6379)) {
      long ttl = jedis.pttl(prefix + "gw:checkpoint:7");
      assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofHours(1).toMillis());
    }
  }

  @Test
  void givenRedisUnreachable_thenAStateUnavailableErrorNotACrash() {
    RedisSettings nowhere =
        new RedisSettings(
            URI.create("redis://127.0.0.1:1"), prefix, Duration.ofMillis(200), Duration.ofHours(1));
    try (Redis down = Redis.connect(nowhere)) {
      assertThat(down.isReachable()).isFalse();
      assertThatThrownBy(() -> down.gatewayCheckpoints().load(0))
          .isInstanceOf(StateUnavailableException.class)
          .hasMessageContaining("shard 0");
    }
  }
}
