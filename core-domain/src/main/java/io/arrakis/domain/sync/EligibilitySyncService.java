package io.arrakis.domain.sync;

import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.IdGenerator;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.EligibilityOverride;
import io.arrakis.domain.eligibility.EligibilityRanker;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.eligibility.OverrideAction;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.port.ChainSourceException;
import io.arrakis.domain.port.Clock;
import io.arrakis.domain.port.MemberRoles;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.port.TokenHoldings;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.roles.PendingRevocation;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The eligibility sync use case: loads the community's state through the repository ports, reads
 * the chain through {@link TokenHoldings}, plans with {@link SyncPlanner}, writes the resulting
 * domain state (snapshot, health, seats, tiers, pending revocations, waitlist, threshold snapshot)
 * and returns the effects — role changes, DMs, channel posts and audit events — for the caller to
 * perform. Writing the state is what makes a second run on the same chain state effect-free.
 */
public final class EligibilitySyncService implements EligibilitySyncUseCase {
  /** Snapshots and threshold snapshots older than this are purged (spec §18). */
  public static final Duration SNAPSHOT_RETENTION = Duration.ofDays(30);

  private final Repositories repos;
  private final TokenHoldings holdings;
  private final MemberRoles memberRoles;
  private final Clock clock;
  private final SyncPlanner planner;

  public EligibilitySyncService(
      Repositories repos,
      TokenHoldings holdings,
      MemberRoles memberRoles,
      Clock clock,
      IdGenerator ids) {
    this.repos = repos;
    this.holdings = holdings;
    this.memberRoles = memberRoles;
    this.clock = clock;
    this.planner = new SyncPlanner(ids);
  }

  @Override
  public SyncOutcome sync(CommunityId community) {
    CommunityConfig config =
        repos
            .communities()
            .find(community)
            .orElseThrow(() -> new IllegalArgumentException("unknown community " + community));
    SyncContext ctx = load(config, clock.now());
    SyncOutcome outcome = planner.plan(ctx, readChain(ctx));
    store(community, outcome, ctx.now());
    return outcome;
  }

  /** Loads everything the planner reads. */
  SyncContext load(CommunityConfig config, Instant now) {
    CommunityId id = config.id();
    List<WalletLink> links = repos.walletLinks().all(id);
    Set<UserId> linkedUsers = links.stream().map(WalletLink::userId).collect(Collectors.toSet());
    Map<UserId, Set<RoleKey>> guildMembers = new HashMap<>(memberRoles.holdersOfManagedRoles(id));
    memberRoles.guildMembers(id, linkedUsers).forEach(guildMembers::putIfAbsent);
    List<SeatRecord> openSeats = repos.seats().open(id);
    Map<MemberId, MemberId> lastThreat = new HashMap<>();
    for (SeatRecord seat : openSeats) {
      repos
          .alerts()
          .lastNaibThreatChallenger(id, seat.memberId())
          .ifPresent(c -> lastThreat.put(seat.memberId(), c));
    }
    Map<MemberId, ActivityBalance> activity =
        repos.activity().all(id).stream()
            .collect(Collectors.toMap(ActivityBalance::memberId, a -> a, (a, b) -> b));
    Map<MemberId, AlertPreferences> preferences =
        repos.alerts().allPreferences(id).stream()
            .collect(Collectors.toMap(AlertPreferences::memberId, p -> p, (a, b) -> b));
    return new SyncContext(
        config,
        now,
        repos.eligibility().current(id),
        repos.eligibility().activeOverrides(id),
        repos.eligibility().health(id),
        links,
        repos.profiles().all(id),
        openSeats,
        repos.seats().firstEverSeating(id),
        repos.waitlist().active(id),
        repos.roleRevocations().all(id),
        guildMembers,
        repos.badges().all(id),
        activity,
        preferences,
        lastThreat);
  }

  private ChainRead readChain(SyncContext ctx) {
    CommunityConfig config = ctx.config();
    Optional<Address> token = config.token().tokenAddress();
    if (token.isEmpty()) {
      return new ChainRead.Failed("no token address configured");
    }
    TokenRef ref = new TokenRef(config.token().chainId(), token.get());
    try {
      ChainHoldings read = holdings.read(ref, config.token().scanStartBlock());
      Set<Address> ranked =
          EligibilityRanker.rawRanking(read).stream()
              .map(Holding::address)
              .collect(Collectors.toCollection(HashSet::new));
      Set<Address> unrankedAdds =
          ctx.overrides().stream()
              .filter(
                  o -> o.active() && o.action() == OverrideAction.ADD && !o.isExpiredAt(ctx.now()))
              .map(EligibilityOverride::address)
              .filter(a -> !ranked.contains(a))
              .collect(Collectors.toSet());
      Map<Address, BigInteger> headBalances =
          unrankedAdds.isEmpty()
              ? Map.of()
              : holdings.balancesAt(ref, read.blockNumber(), unrankedAdds);
      return new ChainRead.Read(read, headBalances);
    } catch (ChainSourceException e) {
      return new ChainRead.Failed(String.valueOf(e.getMessage()));
    }
  }

  private void store(CommunityId id, SyncOutcome outcome, Instant now) {
    if (outcome instanceof SyncOutcome.Failed failed) {
      repos.eligibility().saveHealth(id, failed.health());
      return;
    }
    StateChanges changes = ((SyncOutcome.Succeeded) outcome).changes();
    repos.eligibility().commit(id, changes.snapshot());
    repos.eligibility().saveHealth(id, changes.health());
    repos.eligibility().purgeSnapshotsBefore(id, now.minus(SNAPSHOT_RETENTION));
    changes.expiredOverrides().forEach(o -> repos.eligibility().saveOverride(id, o));
    changes.seatRecords().forEach(s -> repos.seats().save(id, s));
    for (Profile p : changes.profiles()) {
      repos.profiles().save(id, p);
    }
    changes.tierHistory().forEach(h -> repos.tierHistory().append(id, h));
    changes.badges().forEach(b -> repos.badges().save(id, b));
    for (WaitlistRegistration r : changes.registrations()) {
      repos.waitlist().save(id, r);
    }
    for (PendingRevocation p : changes.pendingDeleted()) {
      repos.roleRevocations().delete(id, p.userId(), p.role());
    }
    changes.pendingCreated().forEach(p -> repos.roleRevocations().save(id, p));
    repos.waitlist().saveThresholdSnapshot(id, changes.thresholdSnapshot());
    // shadow and parallel modes: how far the incumbent's roles match ours (/admin-migrate
    // readiness)
    changes.shadowComparison().ifPresent(c -> repos.migrations().recordComparison(id, c, now));
  }
}
