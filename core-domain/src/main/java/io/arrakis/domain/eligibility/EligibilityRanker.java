package io.arrakis.domain.eligibility;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.tiers.TierPolicy;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Builds the community's ranking from chain holdings (spec §3.1 step 5, §3.2 steps 2–3): burners
 * and zero balances are dropped, the rest sorted by balance descending with ties broken by address
 * ascending; {@code remove} overrides delete their address and the rest is re-ranked consecutively;
 * {@code add} overrides mark their address eligible regardless of rank (appended unranked when
 * absent, with the balance read at the head block).
 */
public final class EligibilityRanker {

  /** Balance descending, then address ascending: the tie-break of spec §3.1. */
  public static final Comparator<Holding> RANK_ORDER =
      Comparator.comparing(Holding::balance, Comparator.reverseOrder())
          .thenComparing(Holding::address);

  private final EligibilityRules rules;
  private final TierPolicy tiers;

  public EligibilityRanker(EligibilityRules rules, TierPolicy tiers) {
    this.rules = rules;
    this.tiers = tiers;
  }

  /** The raw ranking: non-burners with a positive balance, in rank order. */
  public static List<Holding> rawRanking(ChainHoldings holdings) {
    Map<Address, Holding> unique = new LinkedHashMap<>();
    for (Holding h : holdings.balances()) {
      if (h.balance().signum() > 0 && !holdings.isBurner(h.address())) {
        unique.put(h.address(), h);
      }
    }
    return unique.values().stream().sorted(RANK_ORDER).toList();
  }

  /**
   * @param holdings what the chain refresh read
   * @param activeOverrides overrides still active (expired ones already deactivated)
   * @param headBalances balances at the head block of {@code add}-override addresses that are not
   *     in the raw ranking; a missing address counts as zero
   */
  public Ranking rank(
      ChainHoldings holdings,
      List<EligibilityOverride> activeOverrides,
      Map<Address, BigInteger> headBalances) {
    Map<Address, OverrideAction> overrides = new HashMap<>();
    for (EligibilityOverride o : activeOverrides) {
      if (o.active()) {
        overrides.put(o.address(), o.action());
      }
    }
    List<RankingEntry> entries = new ArrayList<>();
    int rank = 0;
    for (Holding h : rawRanking(holdings)) {
      OverrideAction action = overrides.get(h.address());
      if (action == OverrideAction.REMOVE) {
        continue; // a removal frees the slot: the wallets below move up
      }
      rank++;
      boolean byRank = rules.isEligibleRank(rank);
      boolean byAdd = action == OverrideAction.ADD;
      entries.add(
          entry(h.address(), OptionalInt.of(rank), h.balance(), byRank || byAdd, !byRank && byAdd));
    }
    List<Holding> unrankedAdds = new ArrayList<>();
    for (EligibilityOverride o : activeOverrides) {
      if (o.active()
          && o.action() == OverrideAction.ADD
          && entries.stream().noneMatch(e -> e.address().equals(o.address()))) {
        unrankedAdds.add(
            new Holding(o.address(), headBalances.getOrDefault(o.address(), BigInteger.ZERO)));
      }
    }
    unrankedAdds.stream()
        .sorted(RANK_ORDER)
        .forEach(
            h -> entries.add(entry(h.address(), OptionalInt.empty(), h.balance(), true, true)));
    return new Ranking(entries);
  }

  private RankingEntry entry(
      Address address,
      OptionalInt rank,
      BigInteger balance,
      boolean eligible,
      boolean viaOverride) {
    return new RankingEntry(
        address, rank, balance, eligible, viaOverride, tiers.tierOf(rank, eligible, balance));
  }
}
