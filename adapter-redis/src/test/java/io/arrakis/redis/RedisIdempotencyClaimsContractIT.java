package io.arrakis.redis;

import io.arrakis.state.IdempotencyClaims;
import io.arrakis.testkit.state.AbstractIdempotencyClaimsContractTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The Redis IdempotencyClaims against the machine's real Redis passes the same contract as the
 * fake.
 */
class RedisIdempotencyClaimsContractIT extends AbstractIdempotencyClaimsContractTest {
  private final List<AutoCloseable> opened = new ArrayList<>();
  RedisTestServer server;

  @Override
  protected IdempotencyClaims emptyStore() {
    server = new RedisTestServer();
    opened.add(server);
    return server.redis.idempotencyClaims();
  }

  @Override
  protected IdempotencyClaims unreachableStore() {
    Redis down = RedisTestServer.unreachable();
    opened.add(down);
    return down.idempotencyClaims();
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
