package io.arrakis.domain.alerts;

import static io.arrakis.domain.Fixtures.T0;
import static io.arrakis.domain.Fixtures.addr;
import static io.arrakis.domain.Fixtures.bgt;
import static io.arrakis.domain.Fixtures.descendingHolders;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.EligibilityRanker;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.domain.tiers.TierThresholds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AlertsTest {
  private final AlertPreferences prefs =
      AlertPreferences.defaults(MemberId.random(), AlertFrequency.THREE_PER_WEEK, T0);

  private AlertPreferences sent(int n) {
    AlertPreferences p = prefs;
    for (int i = 0; i < n; i++) {
      p = p.afterDelivery(AlertType.POSITION_UPDATE);
    }
    return p;
  }

  @Test
  void givenCapReached_whenNonCriticalAlert_thenSkippedForTheWeeklyCap() {
    assertThat(AlertGate.decide(AlertType.POSITION_UPDATE, Optional.of(sent(2))).isAllowed())
        .isTrue();
    assertThat(AlertGate.decide(AlertType.AT_RISK_WARNING, Optional.of(sent(3))).rejectionCode())
        .contains(AlertGate.WEEKLY_CAP);
  }

  @ParameterizedTest
  @EnumSource(
      value = AlertType.class,
      names = {
        "NAIB_SEATED",
        "NAIB_BUMP",
        "WAITLIST_ELIGIBLE",
        "TIER_PROMOTION",
        "BADGE_AWARD",
        "ELIGIBILITY_LOST",
        "ACCESS_REVOKED"
      })
  void givenCapReached_whenCriticalAlert_thenSentAnywayAndNotCounted(AlertType type) {
    AlertPreferences full = sent(7).withFrequency(AlertFrequency.DAILY);
    assertThat(AlertGate.decide(type, Optional.of(full)).isAllowed()).isTrue();
    assertThat(full.afterDelivery(type).alertsSentThisWeek()).isEqualTo(7);
  }

  @Test
  void givenToggleOff_whenCriticalAlertWithToggle_thenSkippedButAlwaysOnCriticalAlertsArrive() {
    AlertPreferences off = prefs.allDisabled();
    assertThat(AlertGate.decide(AlertType.NAIB_SEATED, Optional.of(off)).rejectionCode())
        .contains(AlertGate.TOGGLE_OFF);
    assertThat(AlertGate.decide(AlertType.POSITION_UPDATE, Optional.of(off)).rejectionCode())
        .contains(AlertGate.TOGGLE_OFF);
    assertThat(AlertGate.decide(AlertType.TIER_PROMOTION, Optional.of(off)).isAllowed()).isTrue();
    assertThat(
            AlertGate.decide(
                    AlertType.NAIB_THREAT,
                    Optional.of(prefs.withToggle(AlertToggle.NAIB_ALERTS, false)))
                .isAllowed())
        .isFalse();
    assertThat(
            AlertGate.decide(
                    AlertType.AT_RISK_WARNING,
                    Optional.of(prefs.withToggle(AlertToggle.POSITION_UPDATES, false)))
                .isAllowed())
        .isTrue();
  }

  @Test
  void givenLinkedUserWithoutProfile_whenAlerted_thenOnlyCriticalAlertsGo() {
    assertThat(AlertGate.decide(AlertType.ELIGIBILITY_LOST, Optional.empty()).isAllowed()).isTrue();
    assertThat(AlertGate.decide(AlertType.POSITION_UPDATE, Optional.empty()).isAllowed()).isFalse();
  }

  @Test
  void givenFrequencies_thenCapsAre1_2_3_7AndWeeklyResetZeroesTheCounter() {
    assertThat(List.of(AlertFrequency.values()))
        .extracting(AlertFrequency::weeklyCap)
        .containsExactly(1, 2, 3, 7);
    assertThat(AlertFrequency.fromId("daily")).contains(AlertFrequency.DAILY);
    assertThat(sent(3).weeklyReset(T0.plusSeconds(1)).alertsSentThisWeek()).isZero();
  }

  @Test
  void givenRiskPositions_thenLevels() {
    assertThat(RiskLevel.of(1)).isEqualTo(RiskLevel.HIGH);
    assertThat(RiskLevel.of(2)).isEqualTo(RiskLevel.HIGH);
    assertThat(RiskLevel.of(4)).isEqualTo(RiskLevel.MEDIUM);
    assertThat(RiskLevel.of(5)).isEqualTo(RiskLevel.LOW);
  }

  private final EligibilityRules rules = EligibilityRules.sietchDefaults();
  private final PositionAlerts positions = new PositionAlerts(rules);
  private final Ranking ranking =
      new EligibilityRanker(rules, new TierPolicy(rules, TierThresholds.sietchDefaults(), 18))
          .rank(new ChainHoldings(1, descendingHolders(80), Set.of()), List.of(), Map.of());

  private RankingEntry at(int rank) {
    return ranking.atRank(rank).orElseThrow();
  }

  private Optional<RankingEntry> before(int rank) {
    return Optional.of(
        new RankingEntry(
            addr(999), java.util.OptionalInt.of(rank), bgt(1), true, false, Optional.empty()));
  }

  @Test
  void givenRankEnteringTheBand_whenChecked_thenAtRiskWithPositionsAndBuffer() {
    Alert.AtRiskWarning w = positions.atRisk(before(62), at(63), ranking).orElseThrow();
    assertThat(w.positionsAtRisk()).isEqualTo(7);
    assertThat(w.level()).isEqualTo(RiskLevel.LOW);
    assertThat(w.bufferOverRankBelow()).contains(bgt(1));
    assertThat(positions.atRisk(before(68), at(69), ranking).orElseThrow().level())
        .isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void givenRankImprovingWithinTheBandOrOutsideIt_whenChecked_thenNoAtRiskWarning() {
    assertThat(positions.atRisk(before(66), at(64), ranking)).isEmpty();
    assertThat(positions.atRisk(before(64), at(64), ranking)).isEmpty();
    assertThat(positions.atRisk(before(60), at(62), ranking)).isEmpty();
    assertThat(positions.atRisk(before(70), at(70), ranking)).isEmpty();
    assertThat(positions.atRisk(Optional.empty(), at(65), ranking)).isPresent();
  }

  @Test
  void givenRankChange_whenChecked_thenPositionUpdateWithDistanceAndBuffer() {
    Alert.PositionUpdate u = positions.positionUpdate(before(12), at(10), ranking).orElseThrow();
    assertThat(u.previousRank()).isEqualTo(12);
    assertThat(u.newRank()).isEqualTo(10);
    assertThat(u.toPassRankAbove()).contains(bgt(1));
    assertThat(u.bufferOverRankBelow()).contains(bgt(1));
    assertThat(u.eligible()).isTrue();
    assertThat(positions.positionUpdate(before(10), at(10), ranking)).isEmpty();
    assertThat(positions.positionUpdate(Optional.empty(), at(10), ranking)).isEmpty();
    assertThat(positions.positionUpdate(before(2), at(1), ranking).orElseThrow().toPassRankAbove())
        .isEmpty();
  }
}
