package io.arrakis.domain.waitlist;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A {@code threshold_snapshots} row stored by every successful sync (spec §6.2). */
public record ThresholdSnapshot(
    UUID id,
    UUID snapshotId,
    BigInteger entryThreshold,
    int eligibleCount,
    int waitlistCount,
    Optional<BigInteger> waitlistTopBalance,
    Optional<BigInteger> waitlistBottomBalance,
    BigInteger gapToEntry,
    Instant createdAt) {

  public static ThresholdSnapshot of(
      UUID id, UUID snapshotId, ThresholdFigures figures, Instant at) {
    return new ThresholdSnapshot(
        id,
        snapshotId,
        figures.entryThreshold(),
        figures.eligibleCount(),
        figures.waitlistCount(),
        figures.balanceAtWaitlistMin(),
        figures.balanceAtWaitlistMax(),
        figures.gapToEntry(),
        at);
  }
}
