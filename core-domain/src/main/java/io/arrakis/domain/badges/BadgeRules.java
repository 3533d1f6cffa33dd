package io.arrakis.domain.badges;

import io.arrakis.domain.common.Decision;
import java.util.Optional;

/** Award and revoke rules of spec §9.2. */
public final class BadgeRules {
  public static final String ALREADY_HELD = "BADGE_ALREADY_HELD";
  public static final String NOT_MANUAL = "BADGE_NOT_MANUAL";
  public static final String NOT_HELD = "BADGE_NOT_HELD";
  public static final String REVOKED = "BADGE_REVOKED";
  public static final String REASON_REQUIRED = "BADGE_REASON_REQUIRED";

  private BadgeRules() {}

  /**
   * Admin award: only contribution and special badges, a reason is required, a held badge is
   * refused; a revoked row may be re-activated.
   */
  public static Decision adminAward(
      BadgeDefinition badge, Optional<MemberBadge> existing, String reason) {
    if (!badge.category().manuallyAwardable()) {
      return Decision.rejected(
          NOT_MANUAL, "Only contribution and special badges can be awarded manually.");
    }
    if (reason.isBlank()) {
      return Decision.rejected(REASON_REQUIRED, "A reason is required.");
    }
    if (existing.map(MemberBadge::active).orElse(false)) {
      return Decision.rejected(ALREADY_HELD, "Already holds " + badge.name() + ".");
    }
    return Decision.allowed();
  }

  /** Automatic checks never re-award a revoked badge and never award a held one. */
  public static Decision automaticAward(Optional<MemberBadge> existing) {
    if (existing.isEmpty()) {
      return Decision.allowed();
    }
    return existing.get().active()
        ? Decision.rejected(ALREADY_HELD, "Already held.")
        : Decision.rejected(REVOKED, "Revoked badges are never re-awarded automatically.");
  }

  public static Decision revoke(BadgeDefinition badge, Optional<MemberBadge> existing) {
    if (existing.map(MemberBadge::active).orElse(false)) {
      return Decision.allowed();
    }
    return Decision.rejected(NOT_HELD, "Doesn't hold " + badge.name() + ".");
  }
}
