package io.arrakis.domain.waitlist;

import static io.arrakis.domain.Fixtures.T0;
import static io.arrakis.domain.Fixtures.addr;
import static io.arrakis.domain.Fixtures.bgt;
import static io.arrakis.domain.Fixtures.descendingHolders;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.Decision;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.EligibilityOverride;
import io.arrakis.domain.eligibility.EligibilityRanker;
import io.arrakis.domain.eligibility.OverrideAction;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.domain.tiers.TierThresholds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ThresholdAndWaitlistTest {
  private final EligibilityRules rules = EligibilityRules.sietchDefaults();
  private final EligibilityRanker ranker =
      new EligibilityRanker(rules, new TierPolicy(rules, TierThresholds.sietchDefaults(), 18));
  private final WaitlistPolicy policy = new WaitlistPolicy(rules);
  private final UserId alice = new UserId(1);

  private Ranking ranking(int holders, List<EligibilityOverride> overrides) {
    return ranker.rank(
        new ChainHoldings(1, descendingHolders(holders), Set.of()), overrides, Map.of());
  }

  @Test
  void given101Holders_whenFiguresComputed_thenThresholdIsRank69AndWaitlistIs70To100() {
    ThresholdFigures f = ThresholdFigures.of(ranking(101, List.of()), rules);
    assertThat(f.entryThreshold()).isEqualTo(bgt(1000 - 69));
    assertThat(f.open()).isFalse();
    assertThat(f.eligibleCount()).isEqualTo(69);
    assertThat(f.waitlistPositions())
        .extracting(e -> e.rank().getAsInt())
        .startsWith(70)
        .endsWith(100)
        .hasSize(31);
    assertThat(f.gapToEntry()).isEqualTo(bgt(1));
    assertThat(f.balanceAtWaitlistMin()).contains(bgt(930));
    assertThat(f.balanceAtWaitlistMax()).contains(bgt(900));
    assertThat(f.topWaitlist())
        .extracting(RankingEntry::address)
        .containsExactly(addr(70), addr(71), addr(72), addr(73), addr(74));
    assertThat(f.distanceToEntry(bgt(930))).isEqualTo(bgt(1));
    assertThat(f.distanceToEntry(bgt(5000))).isZero();
  }

  @Test
  void givenFewerThanNHolders_whenFiguresComputed_thenThresholdIsOpenAndZero() {
    ThresholdFigures f = ThresholdFigures.of(ranking(10, List.of()), rules);
    assertThat(f.open()).isTrue();
    assertThat(f.entryThreshold()).isZero();
    assertThat(f.waitlistCount()).isZero();
    assertThat(f.gapToEntry()).isZero();
  }

  @Test
  void givenOverrideAdmittedWalletAtRank75_whenFiguresComputed_thenItIsNotOnTheWaitlist() {
    var add =
        new EligibilityOverride(
            UUID.randomUUID(), addr(75), OverrideAction.ADD, "r", "op", T0, Optional.empty(), true);
    ThresholdFigures f = ThresholdFigures.of(ranking(100, List.of(add)), rules);
    assertThat(f.waitlistPositions()).extracting(RankingEntry::address).doesNotContain(addr(75));
    assertThat(f.waitlistCount()).isEqualTo(30);
    assertThat(f.eligibleCount()).isEqualTo(70);
  }

  private Decision register(Address wallet, List<WaitlistRegistration> active, Ranking r) {
    return policy.canRegister(alice, wallet.value(), Optional.of(wallet), active, r);
  }

  @Test
  void givenRanks70And100_whenRegistering_thenAllowed() {
    Ranking r = ranking(101, List.of());
    assertThat(register(addr(70), List.of(), r).isAllowed()).isTrue();
    assertThat(register(addr(100), List.of(), r).isAllowed()).isTrue();
  }

  @Test
  void givenRank69_whenRegistering_thenAlreadyEligible() {
    assertThat(register(addr(69), List.of(), ranking(101, List.of())).rejectionCode())
        .contains(WaitlistPolicy.ALREADY_ELIGIBLE);
  }

  @Test
  void givenRank101_whenRegistering_thenOutsideRangeWithTheRankInTheMessage() {
    Decision d = register(addr(101), List.of(), ranking(101, List.of()));
    assertThat(d)
        .isEqualTo(
            Decision.rejected(
                WaitlistPolicy.OUTSIDE_RANGE,
                "This wallet is ranked #101, outside the waitlist range #70–#100."));
  }

  @Test
  void givenUnrankedWallet_whenRegistering_thenNotRanked() {
    assertThat(register(addr(500), List.of(), ranking(101, List.of())).rejectionCode())
        .contains(WaitlistPolicy.NOT_RANKED);
  }

  @Test
  void givenValidationsInOrder_whenEachFails_thenItsOwnError() {
    Ranking r = ranking(101, List.of());
    assertThat(policy.canRegister(alice, "0x123", Optional.empty(), List.of(), r).rejectionCode())
        .contains(WaitlistPolicy.INVALID_WALLET);
    WaitlistRegistration mine = registration(alice, addr(80));
    assertThat(register(addr(75), List.of(mine), r).rejectionCode())
        .contains(WaitlistPolicy.ALREADY_REGISTERED);
    WaitlistRegistration someoneElses = registration(new UserId(2), addr(75));
    assertThat(register(addr(75), List.of(someoneElses), r).rejectionCode())
        .contains(WaitlistPolicy.WALLET_ALREADY_REGISTERED);
    assertThat(
            policy
                .canRegister(alice, addr(75).value(), Optional.of(addr(76)), List.of(), r)
                .rejectionCode())
        .contains(WaitlistPolicy.WALLET_NOT_PROVEN);
    assertThat(
            policy
                .canRegister(alice, addr(75).value(), Optional.empty(), List.of(), r)
                .rejectionCode())
        .contains(WaitlistPolicy.WALLET_NOT_PROVEN);
  }

  @Test
  void givenClosedRegistration_whenRegisteringAgain_thenAllowedBecauseUniquenessCoversActiveOnly() {
    WaitlistRegistration closed =
        registration(alice, addr(80)).close(T0, ClosedReason.UNREGISTERED);
    assertThat(closed.active()).isFalse();
    assertThat(register(addr(80), List.of(closed), ranking(101, List.of())).isAllowed()).isTrue();
  }

  @Test
  void givenRegistrationWhoseWalletLeftTheRange_whenChecked_thenStillActiveButFlaggedOutside() {
    WaitlistRegistration reg = registration(alice, addr(100));
    assertThat(policy.isOutsideRange(reg, ranking(101, List.of()))).isFalse();
    assertThat(policy.isOutsideRange(registration(alice, addr(101)), ranking(101, List.of())))
        .isTrue();
    assertThat(policy.isOutsideRange(registration(alice, addr(999)), ranking(101, List.of())))
        .isTrue();
    WaitlistRegistration notified = reg.notifiedEligible(T0);
    assertThat(notified.notified()).isTrue();
    assertThat(notified.closure().orElseThrow().reason()).isEqualTo(ClosedReason.ELIGIBLE);
  }

  @Test
  void givenFigures_whenSnapshotTaken_thenCarriesThem() {
    ThresholdFigures f = ThresholdFigures.of(ranking(101, List.of()), rules);
    ThresholdSnapshot s = ThresholdSnapshot.of(new UUID(1, 1), new UUID(1, 2), f, T0);
    assertThat(s.entryThreshold()).isEqualTo(f.entryThreshold());
    assertThat(s.waitlistCount()).isEqualTo(31);
    assertThat(s.waitlistTopBalance()).contains(bgt(930));
  }

  private static WaitlistRegistration registration(UserId user, Address wallet) {
    return new WaitlistRegistration(
        UUID.randomUUID(), user, wallet, 80, bgt(1), T0, Optional.empty(), Optional.empty());
  }
}
