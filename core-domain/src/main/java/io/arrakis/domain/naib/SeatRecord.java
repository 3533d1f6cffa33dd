package io.arrakis.domain.naib;

import io.arrakis.domain.common.MemberId;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A {@code naib_seats} row: open while {@code closure} is empty (spec §5.1). */
public record SeatRecord(
    UUID id,
    int seatNumber,
    MemberId memberId,
    Instant seatedAt,
    BigInteger balanceAtSeating,
    Optional<SeatClosure> closure) {

  public SeatRecord {
    if (seatNumber < 1) {
      throw new IllegalArgumentException("seat numbers start at 1");
    }
  }

  public static SeatRecord open(
      UUID id, int seatNumber, MemberId memberId, Instant seatedAt, BigInteger balance) {
    return new SeatRecord(id, seatNumber, memberId, seatedAt, balance, Optional.empty());
  }

  public boolean isOpen() {
    return closure.isEmpty();
  }

  public SeatRecord close(
      Instant at, UnseatReason reason, Optional<MemberId> bumpedBy, BigInteger balance) {
    if (!isOpen()) {
      throw new IllegalStateException("seat record " + id + " is already closed");
    }
    return new SeatRecord(
        id,
        seatNumber,
        memberId,
        seatedAt,
        balanceAtSeating,
        Optional.of(new SeatClosure(at, reason, bumpedBy, balance)));
  }

  /** Tenure of this record: up to {@code now} while open, to the unseating when closed. */
  public Duration tenure(Instant now) {
    Instant end = closure.map(SeatClosure::unseatedAt).orElse(now);
    return Duration.between(seatedAt, end);
  }

  /** Founding marker: seated within 1 hour of the community's first-ever seating (spec §5.1). */
  public boolean isFounding(Instant firstEverSeating) {
    return !seatedAt.isBefore(firstEverSeating)
        && !seatedAt.isAfter(firstEverSeating.plus(Duration.ofHours(1)));
  }
}
