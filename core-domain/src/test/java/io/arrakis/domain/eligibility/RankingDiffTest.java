package io.arrakis.domain.eligibility;

import static io.arrakis.domain.Fixtures.addr;
import static io.arrakis.domain.Fixtures.bgt;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.tiers.Tier;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingDiffTest {
  private final EligibilityRules rules = EligibilityRules.sietchDefaults();

  private static RankingEntry ranked(long a, int rank, boolean eligible) {
    Tier tier = rank <= 7 ? Tier.NAIB : eligible ? Tier.FEDAYKIN : Tier.HAJRA;
    return new RankingEntry(
        addr(a), OptionalInt.of(rank), bgt(100 - rank), eligible, false, Optional.of(tier));
  }

  private RankingDiff diff(
      Ranking before, Ranking after, Set<Address> burners, Set<Address> removes, Set<Address> raw) {
    return RankingDiff.between(before, after, rules, burners, removes, raw);
  }

  @Test
  void givenWalletEnteringAt69_whenDiffed_thenAdded() {
    RankingDiff d =
        diff(
            new Ranking(List.of(ranked(1, 70, false))),
            new Ranking(List.of(ranked(1, 69, true))),
            Set.of(),
            Set.of(),
            Set.of(addr(1)));
    assertThat(d.items())
        .containsExactly(new DiffItem.Added(addr(1), OptionalInt.of(69), bgt(31), false));
    assertThat(d.added()).isEqualTo(1);
  }

  @Test
  void givenNewWalletAtRank3_whenDiffed_thenAddedAndNaibPromotion() {
    RankingDiff d =
        diff(
            Ranking.empty(),
            new Ranking(List.of(ranked(1, 3, true))),
            Set.of(),
            Set.of(),
            Set.of(addr(1)));
    assertThat(d.added()).isEqualTo(1);
    assertThat(d.of(DiffItem.NaibPromotion.class))
        .containsExactly(new DiffItem.NaibPromotion(addr(1), 3, bgt(97)));
  }

  @Test
  void givenRank7To8_whenDiffed_thenNaibDemotionOnly() {
    RankingDiff d =
        diff(
            new Ranking(List.of(ranked(1, 7, true))),
            new Ranking(List.of(ranked(1, 8, true))),
            Set.of(),
            Set.of(),
            Set.of(addr(1)));
    assertThat(d.items()).containsExactly(new DiffItem.NaibDemotion(addr(1), OptionalInt.of(8)));
  }

  @Test
  void givenNaibFallingOutOfEligibility_whenDiffed_thenOnlyTheRemovalIsReported() {
    RankingDiff d =
        diff(
            new Ranking(List.of(ranked(1, 5, true))),
            new Ranking(List.of(ranked(1, 70, false))),
            Set.of(),
            Set.of(),
            Set.of(addr(1)));
    assertThat(d.items()).hasSize(1);
    DiffItem.Removed removed = d.of(DiffItem.Removed.class).get(0);
    assertThat(removed.reason()).isEqualTo(RemovalReason.RANK_CHANGE);
    assertThat(removed.previousRank()).hasValue(5);
    assertThat(removed.previousTier()).contains(Tier.NAIB);
    assertThat(d.demoted()).isZero();
  }

  @Test
  void givenRemovals_whenDiffed_thenReasonIsOverrideThenRedemptionThenBalanceZero() {
    Ranking before =
        new Ranking(
            List.of(
                ranked(1, 1, true), ranked(2, 2, true), ranked(3, 3, true), ranked(4, 4, true)));
    Ranking after = new Ranking(List.of(ranked(4, 1, true)));
    RankingDiff d = diff(before, after, Set.of(addr(2), addr(1)), Set.of(addr(1)), Set.of(addr(4)));
    assertThat(d.of(DiffItem.Removed.class))
        .extracting(DiffItem.Removed::address, DiffItem.Removed::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(addr(1), RemovalReason.OVERRIDE),
            org.assertj.core.groups.Tuple.tuple(addr(2), RemovalReason.REDEMPTION),
            org.assertj.core.groups.Tuple.tuple(addr(3), RemovalReason.BALANCE_ZERO));
    assertThat(d.removed()).isEqualTo(3);
  }

  @Test
  void givenUnchangedRanking_whenDiffed_thenEmpty() {
    Ranking r = new Ranking(List.of(ranked(1, 1, true), ranked(2, 70, false)));
    assertThat(diff(r, r, Set.of(), Set.of(), Set.of(addr(1), addr(2))).isEmpty()).isTrue();
  }

  @Test
  void givenRank70To71_whenDiffed_thenNothingBecauseNeitherIsEligible() {
    RankingDiff d =
        diff(
            new Ranking(List.of(ranked(1, 70, false))),
            new Ranking(List.of(ranked(1, 71, false))),
            Set.of(),
            Set.of(),
            Set.of(addr(1)));
    assertThat(d.isEmpty()).isTrue();
  }
}
