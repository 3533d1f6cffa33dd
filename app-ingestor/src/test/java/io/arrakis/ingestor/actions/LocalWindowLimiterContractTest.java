package io.arrakis.ingestor.actions;

import io.arrakis.state.RateLimiter;
import io.arrakis.state.StateUnavailableException;
import io.arrakis.testkit.state.AbstractRateLimiterContractTest;
import io.arrakis.testkit.state.ManualClock;
import java.time.Duration;

/** The local fallback behaves like the shared limiter (it is never unreachable itself). */
class LocalWindowLimiterContractTest extends AbstractRateLimiterContractTest {
  private final ManualClock clock = new ManualClock();

  @Override
  protected RateLimiter emptyStore() {
    return new LocalWindowLimiter(clock);
  }

  @Override
  protected RateLimiter unreachableStore() {
    return (identifier, endpoint, limit) -> {
      throw new StateUnavailableException("a local limiter has no backend", null);
    };
  }

  @Override
  protected void passTime(Duration duration) {
    clock.advance(duration);
  }
}
