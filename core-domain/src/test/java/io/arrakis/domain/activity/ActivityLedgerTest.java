package io.arrakis.domain.activity;

import static io.arrakis.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.Decision;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.ActivitySettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivityLedgerTest {
  private final ActivityLedger ledger = new ActivityLedger(ActivitySettings.sietchDefaults());
  private final ActivityBalance start = ActivityBalance.start(MemberId.random(), T0);

  private ActivityBalance withBalance(long points) {
    ActivityBalance a = start;
    for (int i = 0; i < points; i++) {
      a = ledger.record(a, ActivityKind.MESSAGE, T0);
    }
    return a;
  }

  @Test
  void givenBalance100_when12HoursPass_thenTwoPeriodsOfTenPercentDecay() {
    ActivityBalance decayed = ledger.decayed(withBalance(100), T0.plus(Duration.ofHours(12)));
    assertThat(decayed.balance()).isEqualByComparingTo("81");
    assertThat(decayed.lastDecayAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
  }

  @Test
  void givenPartialPeriod_whenDecayed_thenOnlyWholePeriodsCountAndTheCursorAdvancesByThem() {
    ActivityBalance decayed = ledger.decayed(withBalance(100), T0.plus(Duration.ofHours(11)));
    assertThat(decayed.balance()).isEqualByComparingTo("90");
    assertThat(decayed.lastDecayAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
    assertThat(ledger.decayed(decayed, T0.plus(Duration.ofHours(11)))).isEqualTo(decayed);
  }

  @Test
  void givenEvents_whenRecorded_thenPointsTotalsPeakAndWeeklyPointsFollowTheSettings() {
    ActivityBalance a = ledger.record(start, ActivityKind.MESSAGE, T0);
    a = ledger.record(a, ActivityKind.REACTION_GIVEN, T0);
    a = ledger.record(a, ActivityKind.REACTION_RECEIVED, T0);
    assertThat(a.balance()).isEqualByComparingTo("4");
    assertThat(a.totalMessages()).isEqualTo(1);
    assertThat(a.totalReactionsGiven()).isEqualTo(1);
    assertThat(a.totalReactionsReceived()).isEqualTo(1);
    assertThat(a.peakBalance()).isEqualByComparingTo("4");
    assertThat(a.pointsThisWeek()).isEqualByComparingTo("4");
    assertThat(a.lastActiveAt()).contains(T0);
    ActivityBalance later = ledger.record(a, ActivityKind.MESSAGE, T0.plus(Duration.ofHours(6)));
    // decay is applied before the increment: 4 × 0.9 + 1
    assertThat(later.balance()).isEqualByComparingTo("4.6");
    assertThat(later.peakBalance()).isEqualByComparingTo("4.6");
    assertThat(ActivityLedger.weeklyReset(later).pointsThisWeek()).isZero();
  }

  @Test
  void givenActivityOnConsecutiveDays_whenRecorded_thenStreakGrowsAndBreaksAfterAGap() {
    ActivityBalance a = ledger.record(start, ActivityKind.MESSAGE, T0);
    a = ledger.record(a, ActivityKind.MESSAGE, T0.plus(Duration.ofHours(2)));
    a = ledger.record(a, ActivityKind.MESSAGE, T0.plus(Duration.ofDays(1)));
    a = ledger.record(a, ActivityKind.MESSAGE, T0.plus(Duration.ofDays(2)));
    assertThat(a.currentStreakDays()).isEqualTo(3);
    assertThat(a.currentStreakOn(ActivityBalance.utcDay(T0.plus(Duration.ofDays(3))))).isEqualTo(3);
    assertThat(a.currentStreakOn(ActivityBalance.utcDay(T0.plus(Duration.ofDays(4))))).isZero();
    a = ledger.record(a, ActivityKind.MESSAGE, T0.plus(Duration.ofDays(5)));
    assertThat(a.currentStreakDays()).isEqualTo(1);
    assertThat(a.longestStreakDays()).isEqualTo(3);
  }

  @Test
  void givenEventSources_whenCounting_thenBotsDmsNonMembersAndOtherChannelsDoNotCount() {
    Set<Snowflake> only = Set.of(new Snowflake(5));
    assertThat(
            ActivityCounting.counts(true, Optional.of(new Snowflake(5)), true, only)
                .rejectionCode())
        .contains(ActivityCounting.BOT);
    assertThat(ActivityCounting.counts(false, Optional.empty(), true, only).rejectionCode())
        .contains(ActivityCounting.DM);
    assertThat(
            ActivityCounting.counts(false, Optional.of(new Snowflake(5)), false, only)
                .rejectionCode())
        .contains(ActivityCounting.NOT_MEMBER);
    assertThat(
            ActivityCounting.counts(false, Optional.of(new Snowflake(6)), true, only)
                .rejectionCode())
        .contains(ActivityCounting.CHANNEL);
    assertThat(ActivityCounting.counts(false, Optional.of(new Snowflake(6)), true, Set.of()))
        .isEqualTo(Decision.allowed());
    assertThat(ActivityCounting.authorEarns(true, true)).isFalse();
    assertThat(ActivityCounting.authorEarns(true, false)).isTrue();
  }

  @Test
  void givenSettings_whenDefaults_thenSietchValues() {
    ActivitySettings s = ActivitySettings.sietchDefaults();
    assertThat(s.decayRate()).isEqualByComparingTo(new BigDecimal("0.1"));
    assertThat(s.pointsReactionReceived()).isEqualByComparingTo("2");
  }
}
