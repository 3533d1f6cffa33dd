package io.arrakis.ingestor.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.state.RateLimiter;
import io.arrakis.state.RateLimiter.Decision;
import io.arrakis.testkit.state.InMemoryRateLimiter;
import io.arrakis.testkit.state.ManualClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GlobalPacerTest {
  private final ManualClock clock = new ManualClock();
  private final InMemoryRateLimiter redis = new InMemoryRateLimiter(clock);
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final List<Duration> sleeps = new ArrayList<>();
  private final Sleeper sleeper =
      d -> {
        sleeps.add(d);
        clock.advance(d);
      };

  private static ActionSettings rate(int perSecond, int ingestors) {
    return new ActionSettings(perSecond, 10, 4, ingestors, 1_000, 5_000, Duration.ofSeconds(1));
  }

  private GlobalPacer pacer(ActionSettings settings) {
    return new GlobalPacer(redis, settings, clock, sleeper, metrics);
  }

  /** At most {@code n} of the (sorted) instants lie in any window of one second. */
  private static void assertAtMostPerSecond(List<Instant> grants, int n) {
    for (int i = 0; i + n < grants.size(); i++) {
      assertThat(Duration.between(grants.get(i), grants.get(i + n)))
          .as("grant %d and grant %d", i, i + n)
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void givenManyRequests_thenNeverMoreThanTheRateInAnyOneSecondWindow() throws Exception {
    GlobalPacer pacer = pacer(rate(45, 1));
    List<Instant> grants = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      assertThat(pacer.acquire(1, () -> false)).isTrue();
      grants.add(clock.instant());
      clock.advance(Duration.ofMillis(3)); // requests come faster than the budget
    }
    assertAtMostPerSecond(grants, 45);
    // ...and the budget is used, not wasted: 500 requests take a little over 11 seconds.
    assertThat(Duration.between(grants.get(0), grants.get(499)))
        .isLessThan(Duration.ofMillis(11_500));
  }

  @Test
  void givenTwoIngestorsSharingTheBudget_thenTogetherTheyStayWithinIt() throws Exception {
    List<Instant> grants = new ArrayList<>();
    RateLimiter recording =
        (identifier, endpoint, limit) -> {
          Decision d = redis.tryAcquire(identifier, endpoint, limit);
          if (d instanceof RateLimiter.Allowed) {
            grants.add(clock.instant());
          }
          return d;
        };
    GlobalPacer a = new GlobalPacer(recording, rate(10, 2), clock, sleeper, metrics);
    GlobalPacer b = new GlobalPacer(recording, rate(10, 2), clock, sleeper, metrics);
    for (int i = 0; i < 200; i++) {
      GlobalPacer p = i % 3 == 0 ? a : b;
      assertThat(p.acquire(1 + i % 2, () -> false)).isTrue(); // every other one a DM: 2 permits
      clock.advance(Duration.ofMillis(7));
    }
    assertThat(grants).hasSize(300);
    assertAtMostPerSecond(grants, 10);
  }

  @Test
  void givenTheWindowFull_thenTheCallerSleepsTheRetryAfterAndTheWaitIsMetered() throws Exception {
    GlobalPacer pacer = pacer(rate(3, 1));
    Instant start = clock.instant();
    pacer.acquire(1, () -> false);
    clock.advance(Duration.ofMillis(400));
    pacer.acquire(2, () -> false); // the window holds 3 now
    assertThat(sleeps).isEmpty();

    pacer.acquire(1, () -> false);

    // The oldest grant (at start) leaves the window one second after it was made.
    assertThat(sleeps).containsExactly(Duration.ofMillis(600));
    assertThat(clock.instant()).isEqualTo(start.plusSeconds(1));
    Timer waits = metrics.find("arrakis.actions.global.limit.waits").timer();
    assertThat(waits.count()).isEqualTo(1);
    assertThat(waits.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(600);
  }

  @Test
  void givenTheBudgetStaysFullPastTheMaximumWait_thenItGivesUp() throws Exception {
    GlobalPacer pacer =
        new GlobalPacer(redis, rate(2, 1), clock, sleeper, Duration.ofMillis(1500), metrics);
    GlobalPacer hog = pacer(rate(2, 1));
    hog.acquire(2, () -> false);

    // Needs 5 permits at 2/s: more than 1.5 s of waiting.
    assertThat(pacer.acquire(5, () -> false)).isFalse();

    assertThat(metrics.counter("arrakis.actions.global.limit.gave.up").count()).isEqualTo(1);
    assertThat(sleeps.stream().mapToLong(Duration::toMillis).sum()).isLessThanOrEqualTo(1500);
  }

  @Test
  void givenGiveUpSignalled_thenItStopsWaitingAtOnce() throws Exception {
    GlobalPacer pacer = pacer(rate(1, 1));
    pacer.acquire(1, () -> false);

    assertThat(pacer.acquire(1, () -> true)).isFalse();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void givenRedisDown_thenEachIngestorPacesAtItsShare() throws Exception {
    GlobalPacer pacer = pacer(rate(45, 3)); // 15/s each
    redis.setDown(true);
    List<Instant> grants = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      assertThat(pacer.acquire(1, () -> false)).isTrue();
      grants.add(clock.instant());
    }
    assertAtMostPerSecond(grants, 15);
    assertThat(pacer.pacingLocally()).isTrue();
    assertThat(metrics.counter("arrakis.actions.global.limit.fallbacks").count()).isEqualTo(100);
    assertThat(metrics.find("arrakis.actions.global.limit.local").gauge().value()).isEqualTo(1);
  }

  @Test
  void givenRedisBack_thenLocalGrantsLeaveTheWindowBeforeTheSharedBudgetIsUsedAgain()
      throws Exception {
    GlobalPacer pacer = pacer(rate(10, 2)); // 5/s locally
    GlobalPacer other = pacer(rate(10, 2));
    redis.setDown(true);
    for (int i = 0; i < 5; i++) {
      assertThat(pacer.acquire(1, () -> false)).isTrue();
    }
    redis.setDown(false);
    clock.advance(GlobalPacer.FALLBACK_HOLD.minusMillis(500));
    pacer.acquire(1, () -> false); // still within the hold: local
    Instant lastLocal = clock.instant();
    clock.advance(Duration.ofMillis(600)); // the hold is over
    other.acquire(10, () -> false); // another ingestor fills the shared budget meanwhile

    pacer.acquire(1, () -> false);

    assertThat(pacer.pacingLocally()).isFalse();
    // Not before the last local grant has left its window, and then within the shared budget.
    assertThat(clock.instant()).isAfterOrEqualTo(lastLocal.plusSeconds(1));
  }
}
