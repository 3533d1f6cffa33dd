package io.arrakis.redis;

import io.arrakis.state.CooldownStore;
import io.arrakis.testkit.state.AbstractCooldownStoreContractTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The Redis CooldownStore against the machine's real Redis passes the same contract as the fake.
 */
class RedisCooldownStoreContractIT extends AbstractCooldownStoreContractTest {
  private final List<AutoCloseable> opened = new ArrayList<>();
  RedisTestServer server;

  @Override
  protected CooldownStore emptyStore() {
    server = new RedisTestServer();
    opened.add(server);
    return server.redis.cooldowns();
  }

  @Override
  protected CooldownStore unreachableStore() {
    Redis down = RedisTestServer.unreachable();
    opened.add(down);
    return down.cooldowns();
  }

  @Override
  protected void passTime(Duration duration) throws InterruptedException {
    RedisTestServer.sleepPast(duration);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }
}
