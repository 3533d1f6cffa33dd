package io.arrakis.domain.waitlist;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.UserId;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A {@code waitlist_registrations} row (spec §6.3). */
public record WaitlistRegistration(
    UUID id,
    UserId userId,
    Address wallet,
    int positionAtRegistration,
    BigInteger balanceAtRegistration,
    Instant registeredAt,
    Optional<Instant> notifiedAt,
    Optional<Closure> closure) {

  /** When and why the registration stopped being active. */
  public record Closure(Instant closedAt, ClosedReason reason) {}

  public boolean active() {
    return closure.isEmpty();
  }

  public boolean notified() {
    return notifiedAt.isPresent();
  }

  public WaitlistRegistration close(Instant at, ClosedReason reason) {
    return new WaitlistRegistration(
        id,
        userId,
        wallet,
        positionAtRegistration,
        balanceAtRegistration,
        registeredAt,
        notifiedAt,
        Optional.of(new Closure(at, reason)));
  }

  /** Sync check: the wallet became eligible; notified and closed (reason {@code eligible}). */
  public WaitlistRegistration notifiedEligible(Instant at) {
    return new WaitlistRegistration(
        id,
        userId,
        wallet,
        positionAtRegistration,
        balanceAtRegistration,
        registeredAt,
        Optional.of(at),
        Optional.of(new Closure(at, ClosedReason.ELIGIBLE)));
  }
}
