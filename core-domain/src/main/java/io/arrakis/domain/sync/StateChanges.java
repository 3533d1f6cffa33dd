package io.arrakis.domain.sync;

import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.eligibility.EligibilityOverride;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.SyncHealth;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.roles.PendingRevocation;
import io.arrakis.domain.tiers.TierHistoryEntry;
import io.arrakis.domain.waitlist.ThresholdSnapshot;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import java.util.List;
import java.util.Optional;

/**
 * The domain state a successful sync writes (in one transaction, by the caller or {@link
 * EligibilitySyncService}). The next run reads it back, which is what makes a second run on the
 * same chain state change nothing.
 */
public record StateChanges(
    EligibilitySnapshot snapshot,
    SyncHealth health,
    List<EligibilityOverride> expiredOverrides,
    List<SeatRecord> seatRecords,
    List<Profile> profiles,
    List<TierHistoryEntry> tierHistory,
    List<MemberBadge> badges,
    List<WaitlistRegistration> registrations,
    List<PendingRevocation> pendingCreated,
    List<PendingRevocation> pendingDeleted,
    ThresholdSnapshot thresholdSnapshot,
    Optional<ShadowComparison> shadowComparison) {

  public StateChanges {
    expiredOverrides = List.copyOf(expiredOverrides);
    seatRecords = List.copyOf(seatRecords);
    profiles = List.copyOf(profiles);
    tierHistory = List.copyOf(tierHistory);
    badges = List.copyOf(badges);
    registrations = List.copyOf(registrations);
    pendingCreated = List.copyOf(pendingCreated);
    pendingDeleted = List.copyOf(pendingDeleted);
  }
}
