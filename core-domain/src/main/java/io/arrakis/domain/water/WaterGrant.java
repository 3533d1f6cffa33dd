package io.arrakis.domain.water;

import io.arrakis.domain.common.MemberId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A {@code water_sharer_grants} row (spec §10); active while not revoked. */
public record WaterGrant(
    UUID id,
    MemberId granter,
    MemberId recipient,
    Instant grantedAt,
    Optional<Instant> revokedAt,
    Optional<String> revokedBy) {

  public static WaterGrant of(UUID id, MemberId granter, MemberId recipient, Instant at) {
    return new WaterGrant(id, granter, recipient, at, Optional.empty(), Optional.empty());
  }

  public boolean active() {
    return revokedAt.isEmpty();
  }

  public WaterGrant revoked(Instant at, String by) {
    return new WaterGrant(id, granter, recipient, grantedAt, Optional.of(at), Optional.of(by));
  }
}
