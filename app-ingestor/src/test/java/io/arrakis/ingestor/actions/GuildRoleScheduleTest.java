package io.arrakis.ingestor.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.testkit.state.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GuildRoleScheduleTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final GuildRoleSchedule schedule =
      new GuildRoleSchedule(new GuildRolePace(10, Duration.ofSeconds(10)), clock);

  @Test
  void givenABurstInOneGuild_thenMomentsAreSpacedByTheBucketsInterval() {
    Instant now = clock.instant();
    for (int i = 0; i < 2_000; i++) {
      assertThat(schedule.reserve(1)).isEqualTo(now.plusSeconds(i));
    }
  }

  @Test
  void givenTwoGuilds_thenEachHasItsOwnBucket() {
    Instant now = clock.instant();
    schedule.reserve(1);
    schedule.reserve(1);

    assertThat(schedule.reserve(2)).isEqualTo(now);
  }

  @Test
  void givenAnIdleGuild_thenItsNextChangeIsNotPushedIntoThePast() {
    schedule.reserve(1);
    clock.advance(Duration.ofMinutes(5));

    assertThat(schedule.reserve(1)).isEqualTo(clock.instant());
    assertThat(schedule.reserve(1)).isEqualTo(clock.instant().plusSeconds(1));
  }

  @Test
  void givenManyIdleGuilds_thenTheScheduleStaysBoundedAndCorrect() {
    for (long g = 0; g < GuildRoleSchedule.PRUNE_AT + 5; g++) {
      schedule.reserve(g);
    }
    clock.advance(Duration.ofSeconds(2));

    assertThat(schedule.reserve(0)).isEqualTo(clock.instant());
  }
}
