package io.arrakis.testkit.state;

import io.arrakis.state.RateLimiter;
import java.time.Duration;

class InMemoryRateLimiterContractTest extends AbstractRateLimiterContractTest {
  private final ManualClock clock = new ManualClock();

  @Override
  protected RateLimiter emptyStore() {
    return new InMemoryRateLimiter(clock);
  }

  @Override
  protected RateLimiter unreachableStore() {
    InMemoryRateLimiter down = new InMemoryRateLimiter(clock);
    down.setDown(true);
    return down;
  }

  @Override
  protected void passTime(Duration duration) {
    clock.advance(duration);
  }
}
