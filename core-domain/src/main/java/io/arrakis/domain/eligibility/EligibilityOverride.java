package io.arrakis.domain.eligibility;

import io.arrakis.domain.common.Address;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An {@code eligibility_overrides} row (spec §3.4). */
public record EligibilityOverride(
    UUID id,
    Address address,
    OverrideAction action,
    String reason,
    String createdBy,
    Instant createdAt,
    Optional<Instant> expiresAt,
    boolean active) {

  /** Past its {@code expires_at}: deactivated at the next sync (audit {@code override_expired}). */
  public boolean isExpiredAt(Instant now) {
    return expiresAt.map(e -> !e.isAfter(now)).orElse(false);
  }

  public EligibilityOverride deactivated() {
    return new EligibilityOverride(
        id, address, action, reason, createdBy, createdAt, expiresAt, false);
  }
}
