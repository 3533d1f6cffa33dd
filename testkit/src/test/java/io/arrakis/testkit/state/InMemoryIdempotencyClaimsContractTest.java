package io.arrakis.testkit.state;

import io.arrakis.state.IdempotencyClaims;
import java.time.Duration;

class InMemoryIdempotencyClaimsContractTest extends AbstractIdempotencyClaimsContractTest {
  private final ManualClock clock = new ManualClock();

  @Override
  protected IdempotencyClaims emptyStore() {
    return new InMemoryIdempotencyClaims(clock);
  }

  @Override
  protected IdempotencyClaims unreachableStore() {
    InMemoryIdempotencyClaims down = new InMemoryIdempotencyClaims(clock);
    down.setDown(true);
    return down;
  }

  @Override
  protected void passTime(Duration duration) {
    clock.advance(duration);
  }
}
