package io.arrakis.domain.waitlist;

import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.eligibility.RankingEntry;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The threshold figures of spec §6.1, computed from the current ranking.
 *
 * @param entryThreshold balance at rank N; zero when fewer than N wallets are ranked ({@link
 *     #open})
 * @param open fewer than N wallets are ranked: anyone with a balance gets in
 * @param gapToEntry balance(rank N) − balance(rank N+1); zero when either is missing
 */
public record ThresholdFigures(
    BigInteger entryThreshold,
    boolean open,
    int eligibleCount,
    List<RankingEntry> waitlistPositions,
    BigInteger gapToEntry,
    Optional<BigInteger> balanceAtWaitlistMin,
    Optional<BigInteger> balanceAtWaitlistMax) {

  public ThresholdFigures {
    waitlistPositions = List.copyOf(waitlistPositions);
  }

  public static ThresholdFigures of(Ranking ranking, EligibilityRules rules) {
    Optional<RankingEntry> atN = ranking.atRank(rules.eligibleCount());
    BigInteger threshold = atN.map(RankingEntry::balance).orElse(BigInteger.ZERO);
    BigInteger gap =
        atN.flatMap(
                n ->
                    ranking
                        .atRank(rules.eligibleCount() + 1)
                        .map(m -> n.balance().subtract(m.balance())))
            .orElse(BigInteger.ZERO);
    List<RankingEntry> waitlist =
        ranking.ranked().stream()
            .filter(e -> rules.isWaitlistRank(e.rank().getAsInt()) && !e.eligible())
            .toList();
    return new ThresholdFigures(
        threshold,
        atN.isEmpty(),
        ranking.eligibleCount(),
        waitlist,
        gap,
        ranking.atRank(rules.waitlistMin()).map(RankingEntry::balance),
        ranking.atRank(rules.waitlistMax()).map(RankingEntry::balance));
  }

  public int waitlistCount() {
    return waitlistPositions.size();
  }

  /** Entry threshold − balance: what a wallet must still exceed (never negative). */
  public BigInteger distanceToEntry(BigInteger balance) {
    return entryThreshold.subtract(balance).max(BigInteger.ZERO);
  }

  /** The first five waitlist positions (spec §6.1 "Top waitlist positions"). */
  public List<RankingEntry> topWaitlist() {
    return waitlistPositions.subList(0, Math.min(5, waitlistPositions.size()));
  }
}
