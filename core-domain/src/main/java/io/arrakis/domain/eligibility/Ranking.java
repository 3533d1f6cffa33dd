package io.arrakis.domain.eligibility;

import io.arrakis.domain.common.Address;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A full ranking: ranked entries in rank order, then unranked override entries. Stored in full
 * (spec §1 "Ranking").
 */
public final class Ranking {
  private final List<RankingEntry> entries;
  private final Map<Address, RankingEntry> byAddress;

  public Ranking(List<RankingEntry> entries) {
    this.entries = List.copyOf(entries);
    this.byAddress = new HashMap<>();
    for (RankingEntry e : this.entries) {
      if (byAddress.put(e.address(), e) != null) {
        throw new IllegalArgumentException("duplicate address in ranking: " + e.address());
      }
    }
  }

  public static Ranking empty() {
    return new Ranking(List.of());
  }

  public List<RankingEntry> entries() {
    return entries;
  }

  public Optional<RankingEntry> entry(Address address) {
    return Optional.ofNullable(byAddress.get(address));
  }

  public Optional<RankingEntry> atRank(int rank) {
    // ranked entries come first, in rank order, with consecutive ranks from 1
    if (rank < 1 || rank > entries.size()) {
      return Optional.empty();
    }
    RankingEntry candidate = entries.get(rank - 1);
    return candidate.rank().orElse(-1) == rank ? Optional.of(candidate) : Optional.empty();
  }

  public List<RankingEntry> ranked() {
    return entries.stream().filter(RankingEntry::isRanked).toList();
  }

  public List<RankingEntry> eligible() {
    return entries.stream().filter(RankingEntry::eligible).toList();
  }

  public int rankedCount() {
    return (int) entries.stream().filter(RankingEntry::isRanked).count();
  }

  public int eligibleCount() {
    return (int) entries.stream().filter(RankingEntry::eligible).count();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public boolean isEligible(Address address) {
    return entry(address).map(RankingEntry::eligible).orElse(false);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ranking other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "Ranking" + entries;
  }
}
