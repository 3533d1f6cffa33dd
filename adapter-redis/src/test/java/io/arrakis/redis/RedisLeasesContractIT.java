package io.arrakis.redis;

import io.arrakis.state.Leases;
import io.arrakis.testkit.state.AbstractLeasesContractTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The Redis Leases against the machine's real Redis passes the same contract as the fake. */
class RedisLeasesContractIT extends AbstractLeasesContractTest {
  private final List<AutoCloseable> opened = new ArrayList<>();
  RedisTestServer server;

  @Override
  protected Leases emptyStore() {
    server = new RedisTestServer();
    opened.add(server);
    return server.redis.leases();
  }

  @Override
  protected Leases unreachableStore() {
    Redis down = RedisTestServer.unreachable();
    opened.add(down);
    return down.leases();
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
