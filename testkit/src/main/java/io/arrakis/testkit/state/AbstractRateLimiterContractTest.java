package io.arrakis.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.state.RateLimiter;
import io.arrakis.state.RateLimiter.Allowed;
import io.arrakis.state.RateLimiter.Decision;
import io.arrakis.state.RateLimiter.Limit;
import io.arrakis.state.RateLimiter.Limited;
import io.arrakis.state.StateUnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} does. */
public abstract class AbstractRateLimiterContractTest
    extends AbstractStateContractTest<RateLimiter> {
  private static final Limit THREE_PER_LONG = new Limit(3, LONG);
  private static final Limit TWO_PER_SHORT = new Limit(2, SHORT);

  @Test
  void givenAttemptsWithinTheLimit_thenAllowedWithWhatRemains() throws Exception {
    assertThat(store.tryAcquire("user:42", "verify-submit", THREE_PER_LONG))
        .isEqualTo(new Allowed(2));
    assertThat(store.tryAcquire("user:42", "verify-submit", THREE_PER_LONG))
        .isEqualTo(new Allowed(1));
    assertThat(store.tryAcquire("user:42", "verify-submit", THREE_PER_LONG))
        .isEqualTo(new Allowed(0));
  }

  @Test
  void givenTheLimitReached_thenLimitedWithARetryAfterWithinTheWindow() throws Exception {
    for (int i = 0; i < 3; i++) {
      store.tryAcquire("user:42", "verify-submit", THREE_PER_LONG);
    }
    Decision fourth = store.tryAcquire("user:42", "verify-submit", THREE_PER_LONG);
    assertThat(fourth).isInstanceOf(Limited.class);
    assertThat(((Limited) fourth).retryAfter()).isPositive().isLessThanOrEqualTo(LONG);
  }

  @Test
  void givenOneLimitReached_thenOtherIdentifiersAndEndpointsAreUnaffected() throws Exception {
    for (int i = 0; i < 3; i++) {
      store.tryAcquire("user:42", "interactions", THREE_PER_LONG);
    }
    assertThat(store.tryAcquire("user:43", "interactions", THREE_PER_LONG))
        .isInstanceOf(Allowed.class);
    assertThat(store.tryAcquire("guild:42", "interactions", THREE_PER_LONG))
        .isInstanceOf(Allowed.class);
    assertThat(store.tryAcquire("user:42", "verify-submit", THREE_PER_LONG))
        .isInstanceOf(Allowed.class);
  }

  @Test
  void givenTheWindowSlidPastTheCountedAttempts_thenAllowedAgain() throws Exception {
    assertThat(store.tryAcquire("user:42", "interactions", TWO_PER_SHORT))
        .isInstanceOf(Allowed.class);
    assertThat(store.tryAcquire("user:42", "interactions", TWO_PER_SHORT))
        .isInstanceOf(Allowed.class);
    assertThat(store.tryAcquire("user:42", "interactions", TWO_PER_SHORT))
        .isInstanceOf(Limited.class);
    passTime(SHORT);
    assertThat(store.tryAcquire("user:42", "interactions", TWO_PER_SHORT))
        .isEqualTo(new Allowed(1));
  }

  @Test
  void givenSimultaneousAttempts_thenExactlyThePermittedNumberIsAllowed() throws Exception {
    Limit fivePerLong = new Limit(5, LONG);
    List<Decision> decisions =
        race(12, () -> store.tryAcquire("guild:7", "interactions", fivePerLong));
    assertThat(decisions).filteredOn(Allowed.class::isInstance).hasSize(5);
    assertThat(decisions).filteredOn(Limited.class::isInstance).hasSize(7);
  }

  @Test
  void givenTheBackendUnreachable_thenStateUnavailable() throws Exception {
    RateLimiter down = unreachableStore();
    assertThatThrownBy(() -> down.tryAcquire("user:42", "interactions", THREE_PER_LONG))
        .isInstanceOf(StateUnavailableException.class);
  }
}
