package io.arrakis.domain.eligibility;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.tiers.Tier;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of the community's ranking ({@code eligibility_ranking}).
 *
 * @param rank 1-based rank; empty for an unranked wallet admitted by an {@code add} override
 * @param eligible rank ≤ N or an active {@code add} override
 * @param viaOverride eligible only because of an {@code add} override (not by rank)
 * @param tier the tier of spec §4.1, empty when unranked and not eligible
 */
public record RankingEntry(
    Address address,
    OptionalInt rank,
    BigInteger balance,
    boolean eligible,
    boolean viaOverride,
    Optional<Tier> tier) {

  public boolean isRanked() {
    return rank.isPresent();
  }

  /** The rank, or {@link Integer#MAX_VALUE} for unranked entries, for "rank above N" checks. */
  public int rankOrMax() {
    return rank.orElse(Integer.MAX_VALUE);
  }
}
