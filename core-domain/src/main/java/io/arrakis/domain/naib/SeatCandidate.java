package io.arrakis.domain.naib;

import io.arrakis.domain.common.MemberId;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.OptionalInt;

/**
 * An active member with an eligible linked wallet, with its rank (empty for an unranked override
 * entry) and balance from the current ranking.
 */
public record SeatCandidate(MemberId memberId, OptionalInt rank, BigInteger balance) {

  /** Rank ascending; unranked override entries last, by balance descending (spec §5.2 step 2). */
  public static final Comparator<SeatCandidate> ORDER =
      Comparator.<SeatCandidate>comparingInt(c -> c.rank().isPresent() ? 0 : 1)
          .thenComparingInt(c -> c.rank().orElse(0))
          .thenComparing(SeatCandidate::balance, Comparator.reverseOrder())
          .thenComparing(c -> c.memberId().value());
}
