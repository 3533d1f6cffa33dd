package io.arrakis.domain.badges;

import io.arrakis.domain.common.MemberId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@code member_badges} row: one per (member, badge). {@code awardedBy} empty = system; otherwise
 * an admin's Discord id or the granter's member id (water sharing).
 */
public record MemberBadge(
    UUID id,
    MemberId memberId,
    String badgeId,
    Instant awardedAt,
    Optional<String> awardedBy,
    Optional<String> reason,
    Optional<Revocation> revocation) {

  /** When and by whom a badge was revoked. */
  public record Revocation(Instant revokedAt, String revokedBy) {}

  public boolean active() {
    return revocation.isEmpty();
  }

  public MemberBadge revoked(Instant at, String by) {
    return new MemberBadge(
        id, memberId, badgeId, awardedAt, awardedBy, reason, Optional.of(new Revocation(at, by)));
  }

  /** Re-activates a revoked row with new award data (admin only, spec §9.2). */
  public MemberBadge reawarded(Instant at, Optional<String> by, Optional<String> newReason) {
    return new MemberBadge(id, memberId, badgeId, at, by, newReason, Optional.empty());
  }
}
