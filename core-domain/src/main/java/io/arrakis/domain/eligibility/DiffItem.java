package io.arrakis.domain.eligibility;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.tiers.Tier;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;

/** One change between two rankings (spec §3.3). */
public sealed interface DiffItem {
  Address address();

  /** Eligible now, not eligible before. Audit {@code member_added}. */
  record Added(Address address, OptionalInt rank, BigInteger balance, boolean viaOverride)
      implements DiffItem {}

  /** Eligible before, not eligible now. Audit {@code member_removed}. */
  record Removed(
      Address address, OptionalInt previousRank, Optional<Tier> previousTier, RemovalReason reason)
      implements DiffItem {}

  /** Rank ≤ seats now; absent or rank > seats before. Audit {@code naib_promotion}. */
  record NaibPromotion(Address address, int rank, BigInteger balance) implements DiffItem {}

  /** Rank ≤ seats before; now eligible with rank > seats. Audit {@code naib_demotion}. */
  record NaibDemotion(Address address, OptionalInt newRank) implements DiffItem {}
}
