package io.arrakis.domain.eligibility;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.community.EligibilityRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The diff of spec §3.3, compared by (lower-cased) address. Items are listed in the new ranking's
 * order, then removals in the previous ranking's order, so the output is deterministic.
 */
public record RankingDiff(List<DiffItem> items) {

  public RankingDiff {
    items = List.copyOf(items);
  }

  public static RankingDiff none() {
    return new RankingDiff(List.of());
  }

  /**
   * @param burners every address that ever burned (reason {@code redemption})
   * @param removeOverrides addresses with an active {@code remove} override (reason {@code
   *     override})
   * @param rawRanked addresses in the raw ranking (still holding the token)
   */
  public static RankingDiff between(
      Ranking previous,
      Ranking next,
      EligibilityRules rules,
      Set<Address> burners,
      Set<Address> removeOverrides,
      Set<Address> rawRanked) {
    List<DiffItem> items = new ArrayList<>();
    for (RankingEntry now : next.entries()) {
      var before = previous.entry(now.address());
      boolean wasEligible = before.map(RankingEntry::eligible).orElse(false);
      if (now.eligible() && !wasEligible) {
        items.add(new DiffItem.Added(now.address(), now.rank(), now.balance(), now.viaOverride()));
      }
      boolean naibNow = now.rank().isPresent() && rules.isNaibRank(now.rank().getAsInt());
      boolean naibBefore = before.map(b -> rules.isNaibRank(b.rankOrMax())).orElse(false);
      if (naibNow && !naibBefore) {
        items.add(new DiffItem.NaibPromotion(now.address(), now.rank().getAsInt(), now.balance()));
      } else if (naibBefore && !naibNow && now.eligible()) {
        items.add(new DiffItem.NaibDemotion(now.address(), now.rank()));
      }
    }
    for (RankingEntry before : previous.entries()) {
      if (!before.eligible() || next.isEligible(before.address())) {
        continue;
      }
      items.add(
          new DiffItem.Removed(
              before.address(),
              before.rank(),
              before.tier(),
              reason(before.address(), burners, removeOverrides, rawRanked)));
    }
    return new RankingDiff(items);
  }

  private static RemovalReason reason(
      Address address, Set<Address> burners, Set<Address> removeOverrides, Set<Address> rawRanked) {
    if (removeOverrides.contains(address)) {
      return RemovalReason.OVERRIDE;
    }
    if (burners.contains(address)) {
      return RemovalReason.REDEMPTION;
    }
    if (!rawRanked.contains(address)) {
      return RemovalReason.BALANCE_ZERO;
    }
    return RemovalReason.RANK_CHANGE;
  }

  public <T extends DiffItem> List<T> of(Class<T> kind) {
    return items.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  public int added() {
    return of(DiffItem.Added.class).size();
  }

  public int removed() {
    return of(DiffItem.Removed.class).size();
  }

  public int promoted() {
    return of(DiffItem.NaibPromotion.class).size();
  }

  public int demoted() {
    return of(DiffItem.NaibDemotion.class).size();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }
}
