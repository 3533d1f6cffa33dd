package io.arrakis.domain.tiers;

import java.math.BigInteger;

/** What separates a member from the next tier (spec §4.1 "Progress"). */
public sealed interface TierProgress {
  /** A balance tier: the next threshold minus the balance, in base units. */
  record ToNext(Tier next, BigInteger amountNeeded) implements TierProgress {}

  /** The next tier is rank-based ("Naib — rank-based (top 7)"): no amount. */
  record RankBased(Tier next) implements TierProgress {}

  /** Naib: "highest tier". */
  record Highest() implements TierProgress {}
}
