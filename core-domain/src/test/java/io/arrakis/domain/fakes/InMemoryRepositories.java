package io.arrakis.domain.fakes;

import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.alerts.Alert;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.EligibilityOverride;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.SyncHealth;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.port.ActivityRepository;
import io.arrakis.domain.port.AlertRecord;
import io.arrakis.domain.port.AlertRepository;
import io.arrakis.domain.port.AuditLogRepository;
import io.arrakis.domain.port.BadgeRepository;
import io.arrakis.domain.port.CommunityRepository;
import io.arrakis.domain.port.EligibilityRepository;
import io.arrakis.domain.port.ProfileRepository;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.port.RoleRevocationRepository;
import io.arrakis.domain.port.SeatRepository;
import io.arrakis.domain.port.TierHistoryRepository;
import io.arrakis.domain.port.WaitlistRepository;
import io.arrakis.domain.port.WalletLinkRepository;
import io.arrakis.domain.port.WaterGrantRepository;
import io.arrakis.domain.profile.NymPolicy;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.roles.PendingRevocation;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.TierHistoryEntry;
import io.arrakis.domain.waitlist.ThresholdSnapshot;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import io.arrakis.domain.water.WaterGrant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Single-community-at-a-time in-memory repositories for core-domain's own tests. Rows are keyed by
 * community so a test can also check isolation. (The shared fakes with contract tests live in
 * testkit.)
 */
public final class InMemoryRepositories {

  private final Map<CommunityId, CommunityConfig> communities = new LinkedHashMap<>();
  private final Map<CommunityId, EligibilitySnapshot> current = new LinkedHashMap<>();
  public final List<EligibilitySnapshot> snapshots = new ArrayList<>();
  private final Map<CommunityId, Map<java.util.UUID, EligibilityOverride>> overrides =
      new LinkedHashMap<>();
  private final Map<CommunityId, SyncHealth> health = new LinkedHashMap<>();
  private final Map<CommunityId, Map<UserId, WalletLink>> links = new LinkedHashMap<>();
  private final Map<CommunityId, Map<MemberId, Profile>> profiles = new LinkedHashMap<>();
  private final Map<CommunityId, Map<java.util.UUID, SeatRecord>> seats = new LinkedHashMap<>();
  private final Map<CommunityId, Map<String, BadgeDefinition>> catalogue = new LinkedHashMap<>();
  private final Map<CommunityId, Map<java.util.UUID, MemberBadge>> badges = new LinkedHashMap<>();
  private final Map<CommunityId, Map<java.util.UUID, WaterGrant>> grants = new LinkedHashMap<>();
  private final Map<CommunityId, Map<MemberId, ActivityBalance>> activity = new LinkedHashMap<>();
  private final Map<CommunityId, Map<MemberId, AlertPreferences>> preferences =
      new LinkedHashMap<>();
  public final List<AlertRecord> alertHistory = new ArrayList<>();
  public final List<AuditEvent> audit = new ArrayList<>();
  private final Map<CommunityId, Map<String, PendingRevocation>> pending = new LinkedHashMap<>();
  private final Map<CommunityId, Map<java.util.UUID, WaitlistRegistration>> waitlist =
      new LinkedHashMap<>();
  public final List<ThresholdSnapshot> thresholdSnapshots = new ArrayList<>();
  public final List<TierHistoryEntry> tierHistory = new ArrayList<>();

  public final Communities communitiesRepo = new Communities();
  public final Eligibility eligibilityRepo = new Eligibility();
  public final Links links_ = new Links();
  public final Profiles profilesRepo = new Profiles();
  public final Seats seatsRepo = new Seats();
  public final Badges badgesRepo = new Badges();
  public final Grants grantsRepo = new Grants();
  public final Activity activityRepo = new Activity();
  public final Alerts alertsRepo = new Alerts();
  public final Audit auditRepo = new Audit();
  public final Pending pendingRepo = new Pending();
  public final Waitlist waitlistRepo = new Waitlist();
  public final TierHistory tierHistoryRepo = new TierHistory();
  public final Migrations migrationsRepo = new Migrations();
  private final Repositories repositories =
      new Repositories(
          communitiesRepo,
          eligibilityRepo,
          links_,
          profilesRepo,
          seatsRepo,
          badgesRepo,
          grantsRepo,
          activityRepo,
          alertsRepo,
          auditRepo,
          pendingRepo,
          waitlistRepo,
          tierHistoryRepo,
          new NoVerificationSessions(),
          migrationsRepo);

  public Repositories asRepositories() {
    return repositories;
  }

  private static <K, V> Map<K, V> of(Map<CommunityId, Map<K, V>> map, CommunityId c) {
    return map.computeIfAbsent(c, k -> new LinkedHashMap<>());
  }

  public final class Communities implements CommunityRepository {
    @Override
    public Optional<CommunityConfig> find(CommunityId id) {
      return Optional.ofNullable(communities.get(id));
    }

    @Override
    public Optional<CommunityConfig> findByGuild(Snowflake guildId) {
      return communities.values().stream().filter(c -> c.guildId().equals(guildId)).findFirst();
    }

    @Override
    public List<CommunityConfig> active() {
      return communities.values().stream().filter(CommunityConfig::active).toList();
    }

    @Override
    public void save(CommunityConfig config) {
      communities.put(config.id(), config);
    }
  }

  public final class Eligibility implements EligibilityRepository {
    @Override
    public Optional<EligibilitySnapshot> current(CommunityId community) {
      return Optional.ofNullable(current.get(community));
    }

    @Override
    public void commit(CommunityId community, EligibilitySnapshot snapshot) {
      current.put(community, snapshot);
      snapshots.add(snapshot);
    }

    @Override
    public void purgeSnapshotsBefore(CommunityId community, Instant cutoff) {
      snapshots.removeIf(s -> s.createdAt().isBefore(cutoff) && s != current.get(community));
    }

    @Override
    public List<EligibilityOverride> activeOverrides(CommunityId community) {
      return of(overrides, community).values().stream()
          .filter(EligibilityOverride::active)
          .toList();
    }

    @Override
    public void saveOverride(CommunityId community, EligibilityOverride override) {
      of(overrides, community).put(override.id(), override);
    }

    @Override
    public SyncHealth health(CommunityId community) {
      return health.getOrDefault(community, SyncHealth.initial());
    }

    @Override
    public void saveHealth(CommunityId community, SyncHealth h) {
      health.put(community, h);
    }
  }

  public final class Links implements WalletLinkRepository {
    @Override
    public List<WalletLink> all(CommunityId community) {
      return List.copyOf(of(links, community).values());
    }

    @Override
    public Optional<WalletLink> byUser(CommunityId community, UserId user) {
      return Optional.ofNullable(of(links, community).get(user));
    }

    @Override
    public Optional<WalletLink> byWallet(CommunityId community, Address wallet) {
      return of(links, community).values().stream()
          .filter(l -> l.wallet().equals(wallet))
          .findFirst();
    }

    @Override
    public void save(CommunityId community, WalletLink link) {
      of(links, community).put(link.userId(), link);
    }
  }

  public final class Profiles implements ProfileRepository {
    @Override
    public List<Profile> all(CommunityId community) {
      return List.copyOf(of(profiles, community).values());
    }

    @Override
    public Optional<Profile> byMember(CommunityId community, MemberId member) {
      return Optional.ofNullable(of(profiles, community).get(member));
    }

    @Override
    public Optional<Profile> byUser(CommunityId community, UserId user) {
      return of(profiles, community).values().stream()
          .filter(p -> p.userId().equals(user))
          .findFirst();
    }

    @Override
    public Optional<Profile> byNym(CommunityId community, String nym) {
      String key = NymPolicy.uniquenessKey(nym);
      return of(profiles, community).values().stream()
          .filter(p -> NymPolicy.uniquenessKey(p.nym()).equals(key))
          .findFirst();
    }

    @Override
    public long countCreatedBefore(CommunityId community, Instant instant) {
      return of(profiles, community).values().stream()
          .filter(p -> p.createdAt().isBefore(instant))
          .count();
    }

    @Override
    public void save(CommunityId community, Profile profile) {
      of(profiles, community).put(profile.memberId(), profile);
    }
  }

  public final class Seats implements SeatRepository {
    @Override
    public List<SeatRecord> open(CommunityId community) {
      return of(seats, community).values().stream().filter(SeatRecord::isOpen).toList();
    }

    @Override
    public List<SeatRecord> all(CommunityId community) {
      return List.copyOf(of(seats, community).values());
    }

    @Override
    public Optional<Instant> firstEverSeating(CommunityId community) {
      return of(seats, community).values().stream()
          .map(SeatRecord::seatedAt)
          .min(Comparator.naturalOrder());
    }

    @Override
    public void save(CommunityId community, SeatRecord record) {
      of(seats, community).put(record.id(), record);
    }
  }

  public final class Badges implements BadgeRepository {
    @Override
    public List<BadgeDefinition> catalogue(CommunityId community) {
      return List.copyOf(of(catalogue, community).values());
    }

    @Override
    public void saveDefinition(CommunityId community, BadgeDefinition definition) {
      of(catalogue, community).put(definition.id(), definition);
    }

    @Override
    public List<MemberBadge> all(CommunityId community) {
      return List.copyOf(of(badges, community).values());
    }

    @Override
    public List<MemberBadge> ofMember(CommunityId community, MemberId member) {
      return of(badges, community).values().stream()
          .filter(b -> b.memberId().equals(member))
          .toList();
    }

    @Override
    public void save(CommunityId community, MemberBadge badge) {
      of(badges, community).put(badge.id(), badge);
    }
  }

  public final class Grants implements WaterGrantRepository {
    @Override
    public List<WaterGrant> all(CommunityId community) {
      return List.copyOf(of(grants, community).values());
    }

    @Override
    public void save(CommunityId community, WaterGrant grant) {
      of(grants, community).put(grant.id(), grant);
    }
  }

  public final class Activity implements ActivityRepository {
    @Override
    public Optional<ActivityBalance> find(CommunityId community, MemberId member) {
      return Optional.ofNullable(of(activity, community).get(member));
    }

    @Override
    public List<ActivityBalance> all(CommunityId community) {
      return List.copyOf(of(activity, community).values());
    }

    @Override
    public void save(CommunityId community, ActivityBalance balance) {
      of(activity, community).put(balance.memberId(), balance);
    }
  }

  public final class Alerts implements AlertRepository {
    @Override
    public Optional<AlertPreferences> preferences(CommunityId community, MemberId member) {
      return Optional.ofNullable(of(preferences, community).get(member));
    }

    @Override
    public List<AlertPreferences> allPreferences(CommunityId community) {
      return List.copyOf(of(preferences, community).values());
    }

    @Override
    public void savePreferences(CommunityId community, AlertPreferences p) {
      of(preferences, community).put(p.memberId(), p);
    }

    @Override
    public void appendHistory(CommunityId community, AlertRecord record) {
      alertHistory.add(record);
    }

    /** Delivery outcomes are recorded by the worker, never by the domain's use cases. */
    @Override
    public Optional<io.arrakis.domain.port.AlertDeliveryUpdate> markDelivered(
        CommunityId community, java.util.UUID alertId, Instant at) {
      throw new UnsupportedOperationException("not used by the domain's tests");
    }

    @Override
    public Optional<io.arrakis.domain.port.AlertDeliveryUpdate> markFailed(
        CommunityId community, java.util.UUID alertId, String error) {
      throw new UnsupportedOperationException("not used by the domain's tests");
    }

    @Override
    public Optional<MemberId> lastNaibThreatChallenger(CommunityId community, MemberId holder) {
      for (int i = alertHistory.size() - 1; i >= 0; i--) {
        AlertRecord r = alertHistory.get(i);
        if (r.member().equals(Optional.of(holder))
            && r.alert() instanceof Alert.NaibThreatAlert t) {
          return Optional.of(t.challenger());
        }
      }
      return Optional.empty();
    }
  }

  public final class Audit implements AuditLogRepository {
    @Override
    public void append(CommunityId community, AuditEvent event, Instant at) {
      audit.add(event);
    }
  }

  public final class Pending implements RoleRevocationRepository {
    @Override
    public List<PendingRevocation> all(CommunityId community) {
      return List.copyOf(of(pending, community).values());
    }

    @Override
    public void save(CommunityId community, PendingRevocation p) {
      of(pending, community).putIfAbsent(p.userId() + "/" + p.role(), p);
    }

    @Override
    public void delete(CommunityId community, UserId user, RoleKey role) {
      of(pending, community).remove(user + "/" + role);
    }
  }

  public final class Waitlist implements WaitlistRepository {
    @Override
    public List<WaitlistRegistration> active(CommunityId community) {
      return of(waitlist, community).values().stream()
          .filter(WaitlistRegistration::active)
          .toList();
    }

    @Override
    public void save(CommunityId community, WaitlistRegistration registration) {
      of(waitlist, community).put(registration.id(), registration);
    }

    public List<WaitlistRegistration> allRegistrations(CommunityId community) {
      return List.copyOf(of(waitlist, community).values());
    }

    @Override
    public void saveThresholdSnapshot(CommunityId community, ThresholdSnapshot snapshot) {
      thresholdSnapshots.add(snapshot);
    }

    @Override
    public List<ThresholdSnapshot> latestThresholdSnapshots(CommunityId community, int limit) {
      List<ThresholdSnapshot> copy = new ArrayList<>(thresholdSnapshots);
      java.util.Collections.reverse(copy);
      return copy.subList(0, Math.min(limit, copy.size()));
    }
  }

  public final class TierHistory implements TierHistoryRepository {
    @Override
    public void append(CommunityId community, TierHistoryEntry entry) {
      tierHistory.add(entry);
    }

    @Override
    public List<TierHistoryEntry> since(CommunityId community, Instant since) {
      return tierHistory.stream()
          .filter(e -> !e.changedAt().isBefore(since))
          .sorted(Comparator.comparing(TierHistoryEntry::changedAt).reversed())
          .toList();
    }
  }

  /** Only what the sync writes: the shadow comparisons, in order. */
  public final class Migrations implements io.arrakis.domain.port.MigrationRepository {
    public final List<io.arrakis.domain.sync.ShadowComparison> comparisons = new ArrayList<>();

    @Override
    public Optional<io.arrakis.domain.community.MigrationState> state(CommunityId community) {
      return Optional.empty();
    }

    @Override
    public void save(CommunityId community, io.arrakis.domain.community.MigrationState state) {
      throw new UnsupportedOperationException("the sync never saves migration state");
    }

    @Override
    public void recordComparison(
        CommunityId community,
        io.arrakis.domain.sync.ShadowComparison comparison,
        java.time.Instant comparedAt) {
      comparisons.add(comparison);
    }

    @Override
    public io.arrakis.domain.sync.ShadowTotals comparisonsSince(
        CommunityId community, java.time.Instant since) {
      return new io.arrakis.domain.sync.ShadowTotals(
          comparisons.stream()
              .mapToLong(io.arrakis.domain.sync.ShadowComparison::membersCompared)
              .sum(),
          comparisons.stream()
              .mapToLong(io.arrakis.domain.sync.ShadowComparison::membersMatched)
              .sum());
    }
  }

  /** The domain's use cases never verify wallets: any call is a test's mistake. */
  private static final class NoVerificationSessions
      implements io.arrakis.domain.port.VerificationSessionRepository {
    private static UnsupportedOperationException none() {
      return new UnsupportedOperationException("the domain's tests have no verification sessions");
    }

    @Override
    public Optional<io.arrakis.domain.port.VerificationSession> byId(
        CommunityId community, java.util.UUID id) {
      throw none();
    }

    @Override
    public Optional<io.arrakis.domain.port.VerificationSession> lockById(
        CommunityId community, java.util.UUID id) {
      throw none();
    }

    @Override
    public Optional<io.arrakis.domain.port.VerificationSession> pending(
        CommunityId community, io.arrakis.domain.common.UserId user) {
      throw none();
    }

    @Override
    public Optional<io.arrakis.domain.port.VerificationSession> latest(
        CommunityId community, io.arrakis.domain.common.UserId user) {
      throw none();
    }

    @Override
    public void save(CommunityId community, io.arrakis.domain.port.VerificationSession session) {
      throw none();
    }

    @Override
    public int expirePending(CommunityId community, java.time.Instant now) {
      throw none();
    }

    @Override
    public int deleteCreatedBefore(CommunityId community, java.time.Instant cutoff) {
      throw none();
    }
  }
}
