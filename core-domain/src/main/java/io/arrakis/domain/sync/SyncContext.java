package io.arrakis.domain.sync;

import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.EligibilityOverride;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.SyncHealth;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.roles.PendingRevocation;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one community's sync reads, loaded before planning so that {@link SyncPlanner} is a
 * pure function of it.
 *
 * @param previous the current ranking before this run; empty on the first sync
 * @param overrides overrides with {@code active = true}, expired ones included
 * @param profiles every profile, active or not
 * @param guildMembers guild members holding managed roles plus linked users in the guild, with the
 *     managed roles they hold; a user absent here is not in the guild
 * @param badges every member badge row, revoked ones included
 * @param lastNaibThreat holder → challenger of the latest {@code naib_threat} alert
 */
public record SyncContext(
    CommunityConfig config,
    Instant now,
    Optional<EligibilitySnapshot> previous,
    List<EligibilityOverride> overrides,
    SyncHealth health,
    List<WalletLink> links,
    List<Profile> profiles,
    List<SeatRecord> openSeats,
    Optional<Instant> firstEverSeating,
    List<WaitlistRegistration> activeRegistrations,
    List<PendingRevocation> pendingRevocations,
    Map<UserId, Set<RoleKey>> guildMembers,
    List<MemberBadge> badges,
    Map<MemberId, ActivityBalance> activity,
    Map<MemberId, AlertPreferences> preferences,
    Map<MemberId, MemberId> lastNaibThreat) {

  public SyncContext {
    overrides = List.copyOf(overrides);
    links = List.copyOf(links);
    profiles = List.copyOf(profiles);
    openSeats = List.copyOf(openSeats);
    activeRegistrations = List.copyOf(activeRegistrations);
    pendingRevocations = List.copyOf(pendingRevocations);
    guildMembers = Map.copyOf(guildMembers);
    badges = List.copyOf(badges);
    activity = Map.copyOf(activity);
    preferences = Map.copyOf(preferences);
    lastNaibThreat = Map.copyOf(lastNaibThreat);
  }
}
