package io.arrakis.domain.eligibility;

import static io.arrakis.domain.Fixtures.addr;
import static io.arrakis.domain.Fixtures.bgt;
import static io.arrakis.domain.Fixtures.descendingHolders;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.domain.tiers.TierThresholds;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EligibilityRankerTest {
  private final EligibilityRules rules = EligibilityRules.sietchDefaults();
  private final EligibilityRanker ranker =
      new EligibilityRanker(rules, new TierPolicy(rules, TierThresholds.sietchDefaults(), 18));

  private static EligibilityOverride override(Address a, OverrideAction action) {
    return new EligibilityOverride(
        UUID.randomUUID(), a, action, "why", "op", Instant.EPOCH, Optional.empty(), true);
  }

  @Test
  void givenHolders_whenRanked_thenHighestBalanceFirstAndTiesByAddressAscending() {
    var holdings =
        new ChainHoldings(
            1,
            List.of(
                new Holding(addr(3), bgt(10)),
                new Holding(addr(2), bgt(50)),
                new Holding(addr(1), bgt(10))),
            Set.of());
    Ranking ranking = ranker.rank(holdings, List.of(), Map.of());
    assertThat(ranking.entries())
        .extracting(RankingEntry::address)
        .containsExactly(addr(2), addr(1), addr(3));
    assertThat(ranking.entry(addr(1)).orElseThrow().rank()).hasValue(2);
    assertThat(ranking.entry(addr(3)).orElseThrow().rank()).hasValue(3);
  }

  @Test
  void givenBurnerWithTheLargestBalance_whenRanked_thenExcludedForGood() {
    var holdings =
        new ChainHoldings(
            1,
            List.of(new Holding(addr(9), bgt(5000)), new Holding(addr(1), bgt(10))),
            Set.of(addr(9)));
    Ranking ranking = ranker.rank(holdings, List.of(), Map.of());
    assertThat(ranking.entry(addr(9))).isEmpty();
    assertThat(ranking.atRank(1).orElseThrow().address()).isEqualTo(addr(1));
  }

  @Test
  void givenZeroBalance_whenRanked_thenDropped() {
    var holdings =
        new ChainHoldings(
            1,
            List.of(new Holding(addr(1), BigInteger.ZERO), new Holding(addr(2), BigInteger.ONE)),
            Set.of());
    assertThat(ranker.rank(holdings, List.of(), Map.of()).entries())
        .extracting(RankingEntry::address)
        .containsExactly(addr(2));
  }

  @Test
  void givenRanks69And70_whenRanked_thenOnly69IsEligibleAndTiersFollowRank() {
    Ranking ranking =
        ranker.rank(new ChainHoldings(1, descendingHolders(101), Set.of()), List.of(), Map.of());
    assertThat(ranking.atRank(69).orElseThrow().eligible()).isTrue();
    assertThat(ranking.atRank(70).orElseThrow().eligible()).isFalse();
    assertThat(ranking.atRank(7).orElseThrow().tier()).contains(Tier.NAIB);
    assertThat(ranking.atRank(8).orElseThrow().tier()).contains(Tier.FEDAYKIN);
    assertThat(ranking.atRank(69).orElseThrow().tier()).contains(Tier.FEDAYKIN);
    // rank 70 holds 930 BGT: Sayyadina (≥ 888) by balance
    assertThat(ranking.atRank(70).orElseThrow().tier()).contains(Tier.SAYYADINA);
    assertThat(ranking.eligibleCount()).isEqualTo(69);
    assertThat(ranking.rankedCount()).isEqualTo(101);
  }

  @Test
  void givenRemoveOverride_whenRanked_thenAddressDeletedAndRank70MovesUpIntoEligibility() {
    Ranking ranking =
        ranker.rank(
            new ChainHoldings(1, descendingHolders(70), Set.of()),
            List.of(override(addr(5), OverrideAction.REMOVE)),
            Map.of());
    assertThat(ranking.entry(addr(5))).isEmpty();
    assertThat(ranking.entry(addr(6)).orElseThrow().rank()).hasValue(5);
    RankingEntry formerly70 = ranking.entry(addr(70)).orElseThrow();
    assertThat(formerly70.rank()).hasValue(69);
    assertThat(formerly70.eligible()).isTrue();
    assertThat(formerly70.viaOverride()).isFalse();
  }

  @Test
  void
      givenAddOverrideOnRank80_whenRanked_thenEligibleViaOverrideKeepingRealRankAndDisplacingNobody() {
    Ranking ranking =
        ranker.rank(
            new ChainHoldings(1, descendingHolders(80), Set.of()),
            List.of(override(addr(80), OverrideAction.ADD)),
            Map.of());
    RankingEntry added = ranking.entry(addr(80)).orElseThrow();
    assertThat(added.rank()).hasValue(80);
    assertThat(added.eligible()).isTrue();
    assertThat(added.viaOverride()).isTrue();
    assertThat(added.tier()).contains(Tier.FEDAYKIN);
    assertThat(ranking.atRank(69).orElseThrow().eligible()).isTrue();
    assertThat(ranking.eligibleCount()).isEqualTo(70);
  }

  @Test
  void givenAddOverrideForBurner_whenRanked_thenAppendedUnrankedWithHeadBalance() {
    List<Holding> holders = new ArrayList<>(descendingHolders(3));
    holders.add(new Holding(addr(99), bgt(5)));
    Ranking ranking =
        ranker.rank(
            new ChainHoldings(1, holders, Set.of(addr(99))),
            List.of(override(addr(99), OverrideAction.ADD), override(addr(98), OverrideAction.ADD)),
            Map.of(addr(99), bgt(5)));
    RankingEntry burner = ranking.entry(addr(99)).orElseThrow();
    assertThat(burner.rank()).isEqualTo(OptionalInt.empty());
    assertThat(burner.eligible()).isTrue();
    assertThat(burner.balance()).isEqualTo(bgt(5));
    RankingEntry absent = ranking.entry(addr(98)).orElseThrow();
    assertThat(absent.balance()).isZero();
    assertThat(absent.tier()).contains(Tier.FEDAYKIN);
    // unranked entries come after ranked ones, by balance descending
    assertThat(ranking.entries()).extracting(RankingEntry::address).endsWith(addr(99), addr(98));
  }

  @Test
  void givenInactiveOverride_whenRanked_thenIgnored() {
    var inactive = override(addr(1), OverrideAction.REMOVE).deactivated();
    Ranking ranking =
        ranker.rank(
            new ChainHoldings(1, descendingHolders(2), Set.of()), List.of(inactive), Map.of());
    assertThat(ranking.entry(addr(1))).isPresent();
  }

  @Test
  void givenOverrideWithExpiry_whenCheckedAtAndBeforeExpiry_thenExpiredOnlyFromExpiry() {
    Instant expiry = Instant.parse("2025-01-02T00:00:00Z");
    var o =
        new EligibilityOverride(
            UUID.randomUUID(),
            addr(1),
            OverrideAction.ADD,
            "r",
            "op",
            Instant.EPOCH,
            Optional.of(expiry),
            true);
    assertThat(o.isExpiredAt(expiry.minusSeconds(1))).isFalse();
    assertThat(o.isExpiredAt(expiry)).isTrue();
    assertThat(override(addr(1), OverrideAction.ADD).isExpiredAt(Instant.MAX)).isFalse();
  }
}
