package io.arrakis.ingestor.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.ingestor.actions.InvalidRequestGuard.State;
import io.arrakis.testkit.state.InMemoryRateLimiter;
import io.arrakis.testkit.state.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InvalidRequestGuardTest {
  private final ManualClock clock = new ManualClock();
  private final InMemoryRateLimiter redis = new InMemoryRateLimiter(clock);
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  // Slow above 3, stop above 5, as the defaults slow above 1,000 and stop above 5,000.
  private final ActionSettings settings =
      new ActionSettings(45, 10, 4, 1, 3, 5, Duration.ofMillis(750));
  private final InvalidRequestGuard guard = guard();

  private InvalidRequestGuard guard() {
    return new InvalidRequestGuard(redis, settings, clock, metrics);
  }

  private void record(InvalidRequestGuard g, int times, int status) {
    for (int i = 0; i < times; i++) {
      g.record(status);
    }
  }

  @Test
  void givenAnswersThatAreNotInvalid_thenNothingIsCounted() {
    for (int status : new int[] {0, 200, 204, 400, 404, 500, 502}) {
      record(guard, 10, status);
    }
    assertThat(guard.lastCount()).isZero();
    assertThat(guard.check()).isEqualTo(State.NORMAL);
    assertThat(metrics.find("arrakis.actions.invalid.requests").counters()).isEmpty();
  }

  @Test
  void givenUpToTheSlowThreshold_thenFullPace() {
    record(guard, 3, 403);
    assertThat(guard.check()).isEqualTo(State.NORMAL);
    assertThat(guard.lastCount()).isEqualTo(3);
  }

  @Test
  void givenMoreThanTheSlowThreshold_thenSlowedDownByTheConfiguredDelay() {
    record(guard, 2, 401);
    record(guard, 1, 403);
    record(guard, 1, 429);

    assertThat(guard.check()).isEqualTo(State.SLOW);
    assertThat(guard.slowdown()).isEqualTo(Duration.ofMillis(750));
    assertThat(metrics.find("arrakis.actions.invalid.guard.state").gauge().value()).isEqualTo(1);
    assertThat(
            metrics.find("arrakis.actions.invalid.requests").tag("status", "401").counter().count())
        .isEqualTo(2);
  }

  @Test
  void givenMoreThanTheStopThreshold_thenStoppedUntilTheOldestLeavesTheWindow() {
    record(guard, 3, 403);
    clock.advance(Duration.ofMinutes(4));
    record(guard, 3, 403); // the sixth: over 5

    assertThat(guard.check()).isEqualTo(State.STOPPED);
    assertThat(metrics.find("arrakis.actions.invalid.guard.state").gauge().value()).isEqualTo(2);

    clock.advance(Duration.ofMinutes(6).minusMillis(1));
    assertThat(guard.check()).isEqualTo(State.STOPPED);
    clock.advance(Duration.ofMillis(1)); // the first three left the window
    assertThat(guard.check()).isEqualTo(State.SLOW);
  }

  @Test
  void givenTheCountSharedByIngestors_thenEachSeesTheTotal() {
    InvalidRequestGuard other = guard();
    record(other, 3, 403);

    guard.record(403);

    assertThat(guard.lastCount()).isEqualTo(4);
    assertThat(guard.check()).isEqualTo(State.SLOW);
  }

  @Test
  void givenNoMoreInvalidAnswers_thenBackToFullPaceAfterTheWindow() {
    record(guard, 4, 403);
    assertThat(guard.check()).isEqualTo(State.SLOW);

    clock.advance(InvalidRequestGuard.WINDOW);

    assertThat(guard.check()).isEqualTo(State.NORMAL);
  }

  @Test
  void givenALaterAnswerFindingTheCountLow_thenFullPaceAtOnce() {
    record(guard, 4, 403);
    clock.advance(Duration.ofMinutes(9));
    assertThat(guard.check()).isEqualTo(State.SLOW);
    clock.advance(Duration.ofMinutes(1));

    guard.record(429); // the window holds this one only

    assertThat(guard.lastCount()).isEqualTo(1);
    assertThat(guard.check()).isEqualTo(State.NORMAL);
  }

  @Test
  void givenRedisDown_thenThisProcessCountsItsOwnAnswers() {
    redis.setDown(true);
    record(guard, 4, 403);
    assertThat(guard.check()).isEqualTo(State.SLOW);
    record(guard, 2, 403);
    assertThat(guard.check()).isEqualTo(State.STOPPED);
  }
}
