package io.arrakis.testkit.state;

import io.arrakis.state.Leases;
import java.time.Duration;

class InMemoryLeasesContractTest extends AbstractLeasesContractTest {
  private final ManualClock clock = new ManualClock();

  @Override
  protected Leases emptyStore() {
    return new InMemoryLeases(clock);
  }

  @Override
  protected Leases unreachableStore() {
    InMemoryLeases down = new InMemoryLeases(clock);
    down.setDown(true);
    return down;
  }

  @Override
  protected void passTime(Duration duration) {
    clock.advance(duration);
  }
}
