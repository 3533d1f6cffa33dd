package io.arrakis.domain.tiers;

import io.arrakis.domain.common.MemberId;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** A {@code tier_history} row (spec §4.2). */
public record TierHistoryEntry(
    MemberId memberId,
    Optional<Tier> oldTier,
    Optional<Tier> newTier,
    BigInteger balance,
    OptionalInt rank,
    Instant changedAt) {

  /** A move to a higher order; a first tier counts as a promotion too. */
  public boolean isPromotion() {
    return newTier.isPresent() && oldTier.map(o -> newTier.get().isAbove(o)).orElse(true);
  }
}
