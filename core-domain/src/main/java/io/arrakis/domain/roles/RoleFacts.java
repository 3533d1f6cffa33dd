package io.arrakis.domain.roles;

import io.arrakis.domain.eligibility.RankingEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything the role catalogue (spec §4.3) needs to know about one guild member.
 *
 * @param walletEntry the linked wallet's entry in the current ranking (empty: no link, or the
 *     wallet is not in the ranking)
 * @param holdsSeat holds an open Naib seat
 * @param formerNaib {@code is_former_naib} on the profile
 * @param waitlistWaiting an active waitlist registration whose wallet is not eligible
 * @param profile the member's active profile facts, empty without an active profile
 */
public record RoleFacts(
    Optional<RankingEntry> walletEntry,
    boolean holdsSeat,
    boolean formerNaib,
    boolean waitlistWaiting,
    Optional<ProfileFacts> profile) {

  /** The social facts of an active profile (spec §12). */
  public record ProfileFacts(
      Instant createdAt,
      int activeBadgeCount,
      boolean holdsHelperBadge,
      boolean holdsWaterSharerBadge,
      BigDecimal activityBalance) {}

  public static RoleFacts linkedOnly(Optional<RankingEntry> walletEntry) {
    return new RoleFacts(walletEntry, false, false, false, Optional.empty());
  }
}
