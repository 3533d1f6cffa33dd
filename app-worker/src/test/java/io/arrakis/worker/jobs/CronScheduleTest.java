package io.arrakis.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  @Test
  void latestDueIsTheLastCronInstantAtOrBeforeNow() {
    CronSchedule sync = CronSchedule.parse("30 */6 * * *");

    assertThat(sync.latestDue(at("2025-06-09T13:00:00Z"))).isEqualTo(at("2025-06-09T12:30:00Z"));
    assertThat(sync.latestDue(at("2025-06-09T12:30:00Z"))).isEqualTo(at("2025-06-09T12:30:00Z"));
    assertThat(sync.latestDue(at("2025-06-09T12:29:59Z"))).isEqualTo(at("2025-06-09T06:30:00Z"));
    assertThat(sync.nextDue(at("2025-06-09T12:30:00Z"))).isEqualTo(at("2025-06-09T18:30:00Z"));
  }

  @Test
  void mondayMidnightIsDayOfWeekOne() {
    CronSchedule weekly = CronSchedule.parse("0 0 * * 1");

    assertThat(weekly.latestDue(at("2025-06-11T15:00:00Z"))).isEqualTo(at("2025-06-09T00:00:00Z"));
  }

  @Test
  void sixFieldsHaveSecondsFirst() {
    CronSchedule fast = CronSchedule.parse("*/10 * * * * *");

    assertThat(fast.latestDue(at("2025-06-09T10:00:25.5Z"))).isEqualTo(at("2025-06-09T10:00:20Z"));
  }

  @Test
  void aBadExpressionIsNamed() {
    assertThatThrownBy(() -> CronSchedule.parse("every day"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'every day'");
  }
}
