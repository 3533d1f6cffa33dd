package io.arrakis.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.state.CooldownStore;
import io.arrakis.state.RateLimiter.Allowed;
import io.arrakis.state.RateLimiter.Limit;
import io.arrakis.state.RateLimiter.Limited;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the fakes promise beyond the contract: exact clock control and a switch back "up". */
class InMemoryStateFakesTest {
  private final ManualClock clock = new ManualClock();

  @Test
  void givenAFakeSwitchedDownAndUpAgain_thenItServesItsStateAgain() throws Exception {
    InMemorySessionStore sessions = new InMemorySessionStore(clock);
    sessions.put("onboarding:7", "42", "x", Duration.ofMinutes(15));
    sessions.setDown(true);
    assertThatThrownBy(() -> sessions.get("onboarding:7", "42"))
        .isInstanceOf(StateUnavailableException.class);
    sessions.setDown(false);
    assertThat(sessions.get("onboarding:7", "42")).contains("x");
  }

  @Test
  void givenACooldown_thenTheTimeLeftFollowsTheClockExactly() throws Exception {
    InMemoryCooldownStore cooldowns = new InMemoryCooldownStore(clock);
    cooldowns.tryStart("threshold", "42", Duration.ofSeconds(3));
    clock.advance(Duration.ofMillis(1200));
    assertThat(cooldowns.tryStart("threshold", "42", Duration.ofSeconds(3)))
        .isEqualTo(new CooldownStore.Cooling(Duration.ofMillis(1800)));
    clock.advance(Duration.ofMillis(1800));
    assertThat(cooldowns.tryStart("threshold", "42", Duration.ofSeconds(3)))
        .isEqualTo(new CooldownStore.Started());
  }

  @Test
  void givenRefusedAttempts_thenTheyAreNotCountedAndRetryAfterIsExact() throws Exception {
    InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);
    Limit twoPerSecond = Limit.perSecond(2);
    limiter.tryAcquire("user:42", "interactions", twoPerSecond);
    clock.advance(Duration.ofMillis(400));
    limiter.tryAcquire("user:42", "interactions", twoPerSecond);
    clock.advance(Duration.ofMillis(400));
    assertThat(limiter.tryAcquire("user:42", "interactions", twoPerSecond))
        .isEqualTo(new Limited(Duration.ofMillis(200)));
    clock.advance(Duration.ofMillis(200));
    // the first attempt left the window; the refused one at 800 ms was not counted
    assertThat(limiter.tryAcquire("user:42", "interactions", twoPerSecond))
        .isEqualTo(new Allowed(0));
    clock.advance(Duration.ofMillis(400));
    assertThat(limiter.tryAcquire("user:42", "interactions", twoPerSecond))
        .isEqualTo(new Allowed(0));
  }

  @Test
  void givenLeasesAtTheSameInstant_thenFencingTokensStillIncrease() throws Exception {
    InMemoryLeases leases = new InMemoryLeases(clock);
    var first = leases.tryAcquire("sync:7", "a", Duration.ofSeconds(1));
    leases.release(((io.arrakis.state.Leases.Acquired) first).lease());
    var second = leases.tryAcquire("sync:7", "b", Duration.ofSeconds(1));
    assertThat(((io.arrakis.state.Leases.Acquired) second).lease().fencingToken())
        .isEqualTo(((io.arrakis.state.Leases.Acquired) first).lease().fencingToken() + 1);
  }
}
