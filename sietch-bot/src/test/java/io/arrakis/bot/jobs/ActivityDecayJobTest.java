package io.arrakis.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.community.CommunityConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivityDecayJobTest {
  private final JobsFixture f = new JobsFixture();
  private final ActivityDecayJob job = new ActivityDecayJob(f.sweep, f.repos.activity(), f.clock);

  private ActivityBalance balance(CommunityConfig c, String amount, Duration sinceDecay) {
    ActivityBalance start = ActivityBalance.start(MemberId.random(), Instant.EPOCH);
    ActivityBalance a =
        new ActivityBalance(
            start.memberId(),
            new BigDecimal(amount),
            JobsFixture.NOW.minus(sinceDecay),
            0,
            0,
            0,
            Optional.empty(),
            new BigDecimal(amount),
            BigDecimal.ZERO,
            0,
            0,
            Optional.empty());
    f.repos.activity().save(c.id(), a);
    return a;
  }

  @Test
  void givenBalancesWithPendingDecay_thenWholePeriodsAreAppliedAndTheRestIsLeftAlone() {
    CommunityConfig c = f.community();
    ActivityBalance twoPeriods = balance(c, "100", Duration.ofHours(13));
    ActivityBalance recent = balance(c, "50", Duration.ofHours(5));
    ActivityBalance empty = balance(c, "0", Duration.ofHours(30));

    JobResult result = job.run(JobsFixture.period(JobsFixture.NOW));

    ActivityBalance decayed = f.repos.activity().find(c.id(), twoPeriods.memberId()).orElseThrow();
    assertThat(decayed.balance()).isEqualByComparingTo("81"); // 100 × 0.9²
    assertThat(decayed.lastDecayAt())
        .isEqualTo(twoPeriods.lastDecayAt().plus(Duration.ofHours(12)));
    assertThat(f.repos.activity().find(c.id(), recent.memberId())).contains(recent);
    assertThat(f.repos.activity().find(c.id(), empty.memberId())).contains(empty);
    assertThat(result.summary()).isEqualTo("1 communities: decayed=1");
  }

  @Test
  void givenTheJobRunTwiceInAPeriod_thenTheSecondRunDecaysNothingMore() {
    CommunityConfig c = f.community();
    ActivityBalance a = balance(c, "100", Duration.ofHours(7));

    job.run(JobsFixture.period(JobsFixture.NOW));
    job.run(JobsFixture.period(JobsFixture.NOW));

    assertThat(f.repos.activity().find(c.id(), a.memberId()).orElseThrow().balance())
        .isEqualByComparingTo("90");
  }
}
