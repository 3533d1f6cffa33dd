package io.arrakis.domain.eligibility;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A committed ranking: the snapshot header of spec §3.2 step 6 ({@code eligibility_snapshots}) and
 * the full ranking ({@code eligibility_ranking}).
 */
public record EligibilitySnapshot(UUID id, long blockNumber, Instant createdAt, Ranking ranking) {

  public int rankedCount() {
    return ranking.rankedCount();
  }

  public int eligibleCount() {
    return ranking.eligibleCount();
  }

  /** Ranks 1..{@code waitlistMax}: what the snapshot header summarises. */
  public List<RankingEntry> summary(int waitlistMax) {
    return ranking.ranked().stream().filter(e -> e.rank().getAsInt() <= waitlistMax).toList();
  }
}
