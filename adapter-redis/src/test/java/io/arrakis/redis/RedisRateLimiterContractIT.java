package io.arrakis.redis;

import io.arrakis.state.RateLimiter;
import io.arrakis.testkit.state.AbstractRateLimiterContractTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The Redis RateLimiter against the machine's real Redis passes the same contract as the fake. */
class RedisRateLimiterContractIT extends AbstractRateLimiterContractTest {
  private final List<AutoCloseable> opened = new ArrayList<>();
  RedisTestServer server;

  @Override
  protected RateLimiter emptyStore() {
    server = new RedisTestServer();
    opened.add(server);
    return server.redis.rateLimiter();
  }

  @Override
  protected RateLimiter unreachableStore() {
    Redis down = RedisTestServer.unreachable();
    opened.add(down);
    return down.rateLimiter();
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
