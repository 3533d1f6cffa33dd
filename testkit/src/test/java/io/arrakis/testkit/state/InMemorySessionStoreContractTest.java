package io.arrakis.testkit.state;

import io.arrakis.state.SessionStore;
import java.time.Duration;

class InMemorySessionStoreContractTest extends AbstractSessionStoreContractTest {
  private final ManualClock clock = new ManualClock();

  @Override
  protected SessionStore emptyStore() {
    return new InMemorySessionStore(clock);
  }

  @Override
  protected SessionStore unreachableStore() {
    InMemorySessionStore down = new InMemorySessionStore(clock);
    down.setDown(true);
    return down;
  }

  @Override
  protected void passTime(Duration duration) {
    clock.advance(duration);
  }
}
