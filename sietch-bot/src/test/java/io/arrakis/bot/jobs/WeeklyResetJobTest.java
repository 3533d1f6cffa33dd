package io.arrakis.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.activity.ActivityKind;
import io.arrakis.domain.activity.ActivityLedger;
import io.arrakis.domain.alerts.AlertFrequency;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.alerts.AlertType;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.profile.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WeeklyResetJobTest {
  private final JobsFixture f = new JobsFixture();
  private final WeeklyResetJob job =
      new WeeklyResetJob(
          f.sweep, f.repos.alerts(), f.repos.activity(), f.repos.auditLog(), f.clock);

  @Test
  void givenWeeklyCounters_thenTheyAreZeroedAndTheWeekStartIsTheMonday() {
    CommunityConfig c = f.community();
    Profile p = f.member(c, "busy", 20);
    Instant lastWeek = JobsFixture.NOW.minus(Duration.ofDays(7));
    AlertPreferences prefs =
        AlertPreferences.defaults(p.memberId(), AlertFrequency.THREE_PER_WEEK, lastWeek)
            .afterDelivery(nonCritical())
            .afterDelivery(nonCritical());
    f.repos.alerts().savePreferences(c.id(), prefs);
    ActivityBalance active =
        new ActivityLedger(c.activity())
            .record(
                ActivityBalance.start(p.memberId(), lastWeek),
                ActivityKind.MESSAGE,
                JobsFixture.NOW.minusSeconds(60));
    f.repos.activity().save(c.id(), active);

    // a manual run mid-week still resets to that week's Monday
    JobResult result = job.run(JobsFixture.period(JobsFixture.NOW.plus(Duration.ofHours(30))));

    AlertPreferences reset = f.repos.alerts().preferences(c.id(), p.memberId()).orElseThrow();
    assertThat(prefs.alertsSentThisWeek()).isEqualTo(2);
    assertThat(reset.alertsSentThisWeek()).isZero();
    assertThat(reset.weekStart()).isEqualTo(JobsFixture.NOW);
    ActivityBalance after = f.repos.activity().find(c.id(), p.memberId()).orElseThrow();
    assertThat(after.pointsThisWeek()).isZero();
    assertThat(after.balance()).isEqualByComparingTo(active.balance());
    assertThat(f.repos.auditLog().entries(c.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.event().type()).isEqualTo(AuditType.WEEKLY_RESET));
    assertThat(result.summary()).isEqualTo("1 communities: preferences=1, balances=1");
  }

  @Test
  void runsAfterTheDigest() {
    assertThat(job.after()).contains(WeeklyDigestJob.NAME);
    assertThat(job.cron()).isEqualTo(new WeeklyDigestJob(null, null, null, null, null).cron());
  }

  private static AlertType nonCritical() {
    return Arrays.stream(AlertType.values()).filter(t -> !t.critical()).findFirst().orElseThrow();
  }
}
