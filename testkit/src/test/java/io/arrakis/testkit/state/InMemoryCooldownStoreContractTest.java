package io.arrakis.testkit.state;

import io.arrakis.state.CooldownStore;
import java.time.Duration;

class InMemoryCooldownStoreContractTest extends AbstractCooldownStoreContractTest {
  private final ManualClock clock = new ManualClock();

  @Override
  protected CooldownStore emptyStore() {
    return new InMemoryCooldownStore(clock);
  }

  @Override
  protected CooldownStore unreachableStore() {
    InMemoryCooldownStore down = new InMemoryCooldownStore(clock);
    down.setDown(true);
    return down;
  }

  @Override
  protected void passTime(Duration duration) {
    clock.advance(duration);
  }
}
