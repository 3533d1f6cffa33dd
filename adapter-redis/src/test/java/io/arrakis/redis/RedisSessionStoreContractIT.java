package io.arrakis.redis;

import io.arrakis.state.SessionStore;
import io.arrakis.testkit.state.AbstractSessionStoreContractTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The Redis SessionStore against the machine's real Redis passes the same contract as the fake. */
class RedisSessionStoreContractIT extends AbstractSessionStoreContractTest {
  private final List<AutoCloseable> opened = new ArrayList<>();
  RedisTestServer server;

  @Override
  protected SessionStore emptyStore() {
    server = new RedisTestServer();
    opened.add(server);
    return server.redis.sessions();
  }

  @Override
  protected SessionStore unreachableStore() {
    Redis down = RedisTestServer.unreachable();
    opened.add(down);
    return down.sessions();
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
