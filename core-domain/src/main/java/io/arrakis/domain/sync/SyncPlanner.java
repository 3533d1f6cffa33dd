package io.arrakis.domain.sync;

import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.activity.ActivityLedger;
import io.arrakis.domain.alerts.Alert;
import io.arrakis.domain.alerts.AlertGate;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.alerts.PositionAlerts;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.badges.BadgeRules;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.IdGenerator;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.effect.ChannelKey;
import io.arrakis.domain.effect.ChannelPost;
import io.arrakis.domain.effect.Effect;
import io.arrakis.domain.eligibility.DiffItem;
import io.arrakis.domain.eligibility.EligibilityOverride;
import io.arrakis.domain.eligibility.EligibilityRanker;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.eligibility.OverrideAction;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.eligibility.RankingDiff;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.eligibility.RemovalReason;
import io.arrakis.domain.eligibility.SyncHealth;
import io.arrakis.domain.naib.NaibCouncil;
import io.arrakis.domain.naib.NaibThreat;
import io.arrakis.domain.naib.SeatCandidate;
import io.arrakis.domain.naib.SeatChange;
import io.arrakis.domain.naib.SeatEvaluation;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.naib.UnseatReason;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.roles.DesiredRoles;
import io.arrakis.domain.roles.PendingRevocation;
import io.arrakis.domain.roles.ReconcileScope;
import io.arrakis.domain.roles.RoleClass;
import io.arrakis.domain.roles.RoleFacts;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.roles.RolePlan;
import io.arrakis.domain.roles.RoleReconciler;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierHistoryEntry;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.domain.waitlist.ThresholdFigures;
import io.arrakis.domain.waitlist.ThresholdSnapshot;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-community eligibility sync of spec §3.2 as a pure function: from the loaded {@link
 * SyncContext} and the chain read it computes the new snapshot, the state to write and the effects
 * (role changes, DMs, channel posts, audit events) without performing any of them.
 *
 * <p>Steps 1–6 are the core; an error there fails the sync. Steps 7–16 are individually non-fatal:
 * an error is audited as {@code sync_step_failed} and the pipeline continues.
 */
public final class SyncPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(SyncPlanner.class);

  private final IdGenerator ids;

  public SyncPlanner(IdGenerator ids) {
    this.ids = ids;
  }

  public SyncOutcome plan(SyncContext ctx, ChainRead read) {
    if (read instanceof ChainRead.Failed failure) {
      return failed(ctx, "chain_refresh", failure.error());
    }
    try {
      return new Run(ctx, (ChainRead.Read) read).execute();
    } catch (SanityGuardTripped e) {
      return failed(ctx, "sanity_guard", e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("core sync step failed for community {}", ctx.config().id(), e);
      return failed(ctx, "core", String.valueOf(e.getMessage()));
    }
  }

  /** §3.5: count the failure, enter grace, audit; nothing else happens. */
  private static SyncOutcome failed(SyncContext ctx, String stage, String error) {
    SyncHealth health = ctx.health().failed(ctx.now(), error);
    AuditEvent audit =
        AuditEvent.system(
            AuditType.ELIGIBILITY_SYNC_FAILED,
            "stage",
            stage,
            "error",
            error,
            "consecutive_failures",
            health.consecutiveFailures());
    return new SyncOutcome.Failed(health, error, List.of(new Effect.RecordAudit(audit)));
  }

  private static final class SanityGuardTripped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SanityGuardTripped(String message) {
      super(message);
    }
  }

  /** One run's working state; discarded afterwards. */
  private final class Run {
    private final SyncContext ctx;
    private final ChainRead.Read read;
    private final CommunityConfig config;
    private final EligibilityRules rules;
    private final Instant now;
    private final TierPolicy tiers;
    private final List<Effect> effects = new ArrayList<>();

    private final Map<UserId, WalletLink> linkByUser = new HashMap<>();
    private final Map<UserId, Profile> profileByUser = new LinkedHashMap<>();
    private final Map<MemberId, Profile> changedProfiles = new LinkedHashMap<>();
    private final Map<MemberId, Integer> alertsCounted = new HashMap<>();
    private final List<MemberBadge> newBadges = new ArrayList<>();
    private final List<TierHistoryEntry> tierHistory = new ArrayList<>();
    private final List<WaitlistRegistration> changedRegistrations = new ArrayList<>();
    private final List<PendingRevocation> pendingCreated = new ArrayList<>();
    private final List<PendingRevocation> pendingDeleted = new ArrayList<>();
    private final List<SeatRecord> seatRecords = new ArrayList<>();

    private Ranking previous = Ranking.empty();
    private Ranking ranking = Ranking.empty();
    private boolean baseline;
    private RankingDiff diff = RankingDiff.none();
    private SeatEvaluation seats = new SeatEvaluation(List.of(), List.of(), List.of());
    private Map<MemberId, BigInteger> holderBalances = Map.of();
    private Optional<ShadowComparison> shadow = Optional.empty();
    private int tiersChanged;
    private int rolesGranted;
    private int removalsScheduled;
    private int removalsExecuted;
    private int stepErrors;

    Run(SyncContext ctx, ChainRead.Read read) {
      this.ctx = ctx;
      this.read = read;
      this.config = ctx.config();
      this.rules = config.eligibility();
      this.now = ctx.now();
      this.tiers = new TierPolicy(rules, config.tierThresholds(), config.token().decimals());
      ctx.links().forEach(l -> linkByUser.put(l.userId(), l));
      ctx.profiles().forEach(p -> profileByUser.put(p.userId(), p));
    }

    SyncOutcome execute() {
      // 1–3: previous ranking, overrides, flags
      previous = ctx.previous().map(EligibilitySnapshot::ranking).orElse(Ranking.empty());
      baseline = ctx.previous().isEmpty();
      List<EligibilityOverride> expired = new ArrayList<>();
      List<EligibilityOverride> active = new ArrayList<>();
      for (EligibilityOverride o : ctx.overrides()) {
        if (!o.active()) {
          continue;
        }
        if (o.isExpiredAt(now)) {
          expired.add(o.deactivated());
          audit(AuditType.OVERRIDE_EXPIRED, "override_id", o.id(), "address", o.address());
        } else {
          active.add(o);
        }
      }
      ranking =
          new EligibilityRanker(rules, tiers).rank(read.holdings(), active, read.headBalances());
      // 4: sanity guard
      if (ranking.isEmpty() && !previous.isEmpty()) {
        throw new SanityGuardTripped("the new ranking is empty while the previous one was not");
      }
      // 5: diff
      if (!baseline) {
        Set<Address> removes =
            active.stream()
                .filter(o -> o.action() == OverrideAction.REMOVE)
                .map(EligibilityOverride::address)
                .collect(Collectors.toSet());
        Set<Address> raw =
            EligibilityRanker.rawRanking(read.holdings()).stream()
                .map(Holding::address)
                .collect(Collectors.toSet());
        diff =
            RankingDiff.between(previous, ranking, rules, read.holdings().burners(), removes, raw);
      }
      // 6: commit (as state) and audit
      long block = read.holdings().blockNumber();
      EligibilitySnapshot snapshot = new EligibilitySnapshot(ids.next(), block, now, ranking);
      SyncHealth health = ctx.health().succeeded(now, block);
      audit(
          AuditType.ELIGIBILITY_UPDATE,
          "snapshot_id",
          snapshot.id(),
          "block",
          block,
          "ranked",
          ranking.rankedCount(),
          "eligible",
          ranking.eligibleCount(),
          "added",
          diff.added(),
          "removed",
          diff.removed(),
          "promoted",
          diff.promoted(),
          "demoted",
          diff.demoted(),
          "baseline",
          baseline);
      auditDiff();

      step("naib_seats", this::evaluateSeats);
      step("tier_sync", this::syncTiers);
      step("waitlist_check", this::checkWaitlist);
      step("role_reconciliation", this::reconcileRoles);
      step("onboarding_triggers", this::triggerOnboarding);
      ThresholdFigures figures = ThresholdFigures.of(ranking, rules);
      ThresholdSnapshot threshold = ThresholdSnapshot.of(ids.next(), snapshot.id(), figures, now);
      if (!baseline) {
        step("alerts", this::rankAlerts);
        step("the_door", this::doorPosts);
      }
      step("census", this::census);
      audit(
          AuditType.TIER_ROLE_SYNC,
          "tiers_changed",
          tiersChanged,
          "roles_granted",
          rolesGranted,
          "removals_scheduled",
          removalsScheduled,
          "removals_executed",
          removalsExecuted,
          "errors",
          stepErrors);
      StateChanges changes =
          new StateChanges(
              snapshot,
              health,
              expired,
              seatRecords,
              List.copyOf(changedProfiles.values()),
              tierHistory,
              newBadges,
              changedRegistrations,
              pendingCreated,
              pendingDeleted,
              threshold,
              shadow);
      return new SyncOutcome.Succeeded(changes, diff, baseline, effects);
    }

    private void step(String name, Runnable body) {
      try {
        body.run();
      } catch (RuntimeException e) {
        stepErrors++;
        LOG.warn("sync step {} failed for community {}", name, config.id(), e);
        audit(AuditType.SYNC_STEP_FAILED, "step", name, "error", String.valueOf(e.getMessage()));
      }
    }

    private void auditDiff() {
      for (DiffItem item : diff.items()) {
        if (item instanceof DiffItem.Added a) {
          audit(
              AuditType.MEMBER_ADDED,
              "address",
              a.address(),
              "rank",
              rankText(a.rank()),
              "balance",
              a.balance(),
              "via_override",
              a.viaOverride());
        } else if (item instanceof DiffItem.Removed r) {
          audit(
              AuditType.MEMBER_REMOVED,
              "address",
              r.address(),
              "previous_rank",
              rankText(r.previousRank()),
              "previous_tier",
              r.previousTier().map(Tier::id).orElse(""),
              "reason",
              r.reason().id());
        } else if (item instanceof DiffItem.NaibPromotion p) {
          audit(
              AuditType.NAIB_PROMOTION,
              "address",
              p.address(),
              "rank",
              p.rank(),
              "balance",
              p.balance());
        } else if (item instanceof DiffItem.NaibDemotion d) {
          audit(AuditType.NAIB_DEMOTION, "address", d.address(), "rank", rankText(d.newRank()));
        }
      }
    }

    // ---- step 7: Naib seats -------------------------------------------------------------

    private void evaluateSeats() {
      Map<MemberId, BigInteger> balances = new HashMap<>();
      Set<MemberId> holders = new java.util.HashSet<>();
      for (SeatRecord seat : ctx.openSeats()) {
        holders.add(seat.memberId());
        qualifyingEntry(seat.memberId()).ifPresent(e -> balances.put(seat.memberId(), e.balance()));
      }
      List<SeatCandidate> candidates = new ArrayList<>();
      for (Profile p : profileByUser.values()) {
        if (!holders.contains(p.memberId())) {
          qualifyingEntry(p.memberId())
              .ifPresent(
                  e -> candidates.add(new SeatCandidate(p.memberId(), e.rank(), e.balance())));
        }
      }
      seats =
          new NaibCouncil(rules.naibSeats(), ids)
              .evaluate(
                  NaibCouncil.Mode.FULL,
                  ctx.openSeats(),
                  balances,
                  candidates,
                  ctx.firstEverSeating(),
                  now);
      Map<MemberId, BigInteger> after = new HashMap<>(balances);
      candidates.forEach(c -> after.put(c.memberId(), c.balance()));
      holderBalances = after;
      for (SeatChange change : seats.changes()) {
        if (change instanceof SeatChange.Seated s) {
          seatRecords.add(s.record());
          audit(
              AuditType.NAIB_SEATED,
              "member",
              s.record().memberId(),
              "seat",
              s.record().seatNumber(),
              "balance",
              s.record().balanceAtSeating(),
              "founding",
              s.founding());
          alertMember(
              s.record().memberId(), new Alert.NaibSeated(s.record().seatNumber(), s.founding()));
        } else if (change instanceof SeatChange.Unseated u) {
          SeatRecord r = u.record();
          var closure = r.closure().orElseThrow();
          seatRecords.add(r);
          profileOf(r.memberId()).ifPresent(p -> changeProfile(p.markedFormerNaib()));
          audit(
              AuditType.NAIB_UNSEATED,
              "member",
              r.memberId(),
              "seat",
              r.seatNumber(),
              "reason",
              closure.reason().id(),
              "bumped_by",
              closure.bumpedBy().map(MemberId::toString).orElse(""),
              "balance_at_seating",
              r.balanceAtSeating(),
              "balance_at_unseating",
              closure.balanceAtUnseating());
          if (closure.reason() == UnseatReason.BUMPED) {
            BigInteger by = closure.bumpedBy().map(after::get).orElse(BigInteger.ZERO);
            alertMember(r.memberId(), new Alert.NaibBump(r.seatNumber(), by));
          }
        }
      }
      audit(
          AuditType.NAIB_SEATS_EVALUATED,
          "filled",
          seats.filled(),
          "bumped",
          seats.bumped(),
          "unseated",
          seats.unseated());
    }

    /** The ranking entry of an active member's linked wallet, if it is eligible. */
    private Optional<RankingEntry> qualifyingEntry(MemberId member) {
      return profileOf(member)
          .filter(Profile::active)
          .flatMap(p -> entryOf(p.userId()))
          .filter(RankingEntry::eligible);
    }

    // ---- step 8: tiers ------------------------------------------------------------------

    private void syncTiers() {
      for (Profile p : List.copyOf(profileByUser.values())) {
        WalletLink link = linkByUser.get(p.userId());
        if (!p.active() || link == null) {
          continue; // a member without a linked wallet keeps their stored tier
        }
        Optional<RankingEntry> entry = ranking.entry(link.wallet());
        Optional<Tier> tier = entry.flatMap(RankingEntry::tier);
        if (tier.equals(p.tier())) {
          continue;
        }
        tiersChanged++;
        BigInteger balance = entry.map(RankingEntry::balance).orElse(BigInteger.ZERO);
        TierHistoryEntry history =
            new TierHistoryEntry(
                p.memberId(),
                p.tier(),
                tier,
                balance,
                entry.map(RankingEntry::rank).orElse(java.util.OptionalInt.empty()),
                now);
        tierHistory.add(history);
        changeProfile(current(p).withTier(tier, now));
        audit(
            AuditType.TIER_CHANGE,
            "member",
            p.memberId(),
            "old",
            p.tier().map(Tier::id).orElse(""),
            "new",
            tier.map(Tier::id).orElse(""),
            "balance",
            balance,
            "rank",
            rankText(history.rank()));
        if (!history.isPromotion()) {
          continue; // demotions send nothing
        }
        Tier newTier = tier.orElseThrow();
        alertMember(
            p.memberId(),
            new Alert.TierPromotion(p.tier(), newTier, tiers.progress(newTier, balance)));
        if (newTier == Tier.USUL) {
          awardUsul(p);
        }
        if ((newTier == Tier.FEDAYKIN || newTier == Tier.NAIB) && !baseline) {
          post(
              ChannelKey.THE_DOOR,
              config.channels().theDoor(),
              new ChannelPost.StoryFragment(newTier == Tier.NAIB ? "naib_join" : "fedaykin_join"));
        }
      }
    }

    private void awardUsul(Profile p) {
      Optional<MemberBadge> existing =
          ctx.badges().stream()
              .filter(
                  b ->
                      b.memberId().equals(p.memberId())
                          && b.badgeId().equals(BadgeCatalogue.USUL_ASCENDED))
              .findFirst();
      if (!BadgeRules.automaticAward(existing).isAllowed()) {
        return;
      }
      MemberBadge badge =
          new MemberBadge(
              ids.next(),
              p.memberId(),
              BadgeCatalogue.USUL_ASCENDED,
              now,
              Optional.empty(),
              Optional.of("Reached the Usul tier"),
              Optional.empty());
      newBadges.add(badge);
      audit(
          AuditType.BADGE_AWARDED,
          "member",
          p.memberId(),
          "badge",
          BadgeCatalogue.USUL_ASCENDED,
          "awarded_by",
          AuditEvent.SYSTEM,
          "reason",
          "Reached the Usul tier");
      alertMember(
          p.memberId(),
          new Alert.BadgeAward(
              BadgeCatalogue.USUL_ASCENDED,
              "Usul Ascended",
              "🌟",
              "Reached the Usul tier",
              Optional.of("Reached the Usul tier"),
              Optional.empty()));
    }

    // ---- step 9: waitlist ---------------------------------------------------------------

    private void checkWaitlist() {
      for (WaitlistRegistration reg : ctx.activeRegistrations()) {
        if (!reg.active() || !ranking.isEligible(reg.wallet())) {
          continue;
        }
        changedRegistrations.add(reg.notifiedEligible(now));
        RankingEntry entry = ranking.entry(reg.wallet()).orElseThrow();
        alert(
            reg.userId(),
            Optional.ofNullable(profileByUser.get(reg.userId())).map(Profile::memberId),
            new Alert.WaitlistEligible(entry.rank(), reg.wallet().truncated()));
        audit(
            AuditType.WAITLIST_ELIGIBLE,
            "user",
            reg.userId(),
            "wallet",
            reg.wallet(),
            "position",
            rankText(entry.rank()));
      }
    }

    private boolean waitlistWaiting(UserId user) {
      boolean closedNow =
          changedRegistrations.stream().anyMatch(r -> r.userId().equals(user) && !r.active());
      return !closedNow
          && ctx.activeRegistrations().stream()
              .anyMatch(
                  r -> r.active() && r.userId().equals(user) && !ranking.isEligible(r.wallet()));
    }

    // ---- step 10: roles -----------------------------------------------------------------

    private void reconcileRoles() {
      var mode = config.coexistenceMode();
      EnumSet<RoleKey> writable = EnumSet.noneOf(RoleKey.class);
      for (RoleKey key : RoleKey.values()) {
        if (config.roles().writableRole(key, mode).isPresent()) {
          writable.add(key);
        }
      }
      RoleReconciler reconciler =
          new RoleReconciler(
              rules.eligibleCount() > 0 ? config.eligibility().graceHours() : 0, writable);
      DesiredRoles desiredRoles = new DesiredRoles(tiers);
      ActivityLedger ledger = new ActivityLedger(config.activity());
      Map<UserId, Map<RoleKey, Instant>> pending = new HashMap<>();
      for (PendingRevocation p : ctx.pendingRevocations()) {
        pending
            .computeIfAbsent(p.userId(), u -> new java.util.EnumMap<>(RoleKey.class))
            .put(p.role(), p.pendingSince());
      }
      int compared = 0;
      int matched = 0;
      for (var member : byValue(ctx.guildMembers()).entrySet()) {
        UserId user = member.getKey();
        Set<RoleKey> held = member.getValue();
        Optional<Profile> profile = Optional.ofNullable(profileByUser.get(user)).map(this::current);
        boolean profileActive = profile.map(Profile::active).orElse(false);
        Optional<RoleFacts.ProfileFacts> profileFacts =
            profile.filter(Profile::active).map(p -> profileFacts(p, ledger));
        boolean holdsSeat = profile.map(p -> seats.seatOf(p.memberId()).isPresent()).orElse(false);
        RoleFacts facts =
            new RoleFacts(
                entryOf(user),
                holdsSeat,
                profile.map(Profile::formerNaib).orElse(false),
                waitlistWaiting(user),
                profileFacts);
        Set<RoleKey> desired = desiredRoles.of(facts, now);
        if (mode.recordsShadowComparison()) {
          compared++;
          if (gated(desired).equals(gated(held))) {
            matched++;
          }
        }
        RolePlan plan =
            reconciler.reconcile(
                user,
                desired,
                held,
                pending.getOrDefault(user, Map.of()),
                profileActive,
                ReconcileScope.SUCCESSFUL_SYNC,
                false,
                now);
        apply(plan, mode);
      }
      if (mode.recordsShadowComparison()) {
        shadow = Optional.of(new ShadowComparison(compared, matched));
      }
    }

    private RoleFacts.ProfileFacts profileFacts(Profile p, ActivityLedger ledger) {
      List<MemberBadge> active =
          ctx.badges().stream()
              .filter(b -> b.memberId().equals(p.memberId()) && b.active())
              .toList();
      List<MemberBadge> all = new ArrayList<>(active);
      newBadges.stream().filter(b -> b.memberId().equals(p.memberId())).forEach(all::add);
      BigDecimal activity =
          Optional.ofNullable(ctx.activity().get(p.memberId()))
              .map(a -> ledger.decayed(a, now))
              .map(ActivityBalance::balance)
              .orElse(BigDecimal.ZERO);
      return new RoleFacts.ProfileFacts(
          p.createdAt(),
          all.size(),
          all.stream().anyMatch(b -> b.badgeId().equals(BadgeCatalogue.HELPER)),
          all.stream().anyMatch(b -> b.badgeId().equals(BadgeCatalogue.WATER_SHARER)),
          activity);
    }

    private void apply(RolePlan plan, io.arrakis.domain.community.CoexistenceMode mode) {
      UserId user = plan.userId();
      for (RoleKey role : plan.grants()) {
        Snowflake id = config.roles().writableRole(role, mode).orElseThrow();
        effects.add(new Effect.GrantRole(user, role, id, "reconciliation"));
        audit(
            AuditType.ROLE_ASSIGNED, "user", user, "role", role.key(), "reason", "reconciliation");
        rolesGranted++;
      }
      for (RolePlan.Removal removal : plan.removals()) {
        Snowflake id = config.roles().writableRole(removal.role(), mode).orElseThrow();
        String reason = removal.cause().name().toLowerCase(java.util.Locale.ROOT);
        effects.add(new Effect.RemoveRole(user, removal.role(), id, reason));
        audit(AuditType.ROLE_REMOVED, "user", user, "role", removal.role().key(), "reason", reason);
        if (removal.cause() == RolePlan.RemovalCause.GRACE_EXPIRED) {
          removalsExecuted++;
          pendingDeleted.add(new PendingRevocation(user, removal.role(), now));
        }
      }
      for (RoleKey role : plan.scheduled()) {
        pendingCreated.add(new PendingRevocation(user, role, now));
        audit(
            AuditType.ROLE_REMOVAL_SCHEDULED,
            "user",
            user,
            "role",
            role.key(),
            "pending_since",
            now);
        removalsScheduled++;
      }
      for (RoleKey role : plan.cancelled()) {
        pendingDeleted.add(new PendingRevocation(user, role, now));
        audit(AuditType.ROLE_REMOVAL_CANCELLED, "user", user, "role", role.key());
      }
      if (plan.accessRevoked()) {
        alert(
            user,
            Optional.ofNullable(profileByUser.get(user)).map(Profile::memberId),
            new Alert.AccessRevoked());
      }
    }

    /** Seat and chain roles: what the shadow comparison looks at. */
    private Set<RoleKey> gated(Set<RoleKey> roles) {
      EnumSet<RoleKey> result = EnumSet.noneOf(RoleKey.class);
      for (RoleKey r : roles) {
        if (r.roleClass() == RoleClass.CHAIN || r == RoleKey.NAIB) {
          result.add(r);
        }
      }
      return result;
    }

    // ---- step 11: onboarding ------------------------------------------------------------

    private void triggerOnboarding() {
      for (WalletLink link : ctx.links()) {
        boolean inGuild = ctx.guildMembers().containsKey(link.userId());
        boolean hasProfile = profileByUser.containsKey(link.userId());
        boolean eligibleNow = ranking.isEligible(link.wallet());
        boolean becameEligible = baseline || !previous.isEligible(link.wallet());
        if (inGuild && !hasProfile && eligibleNow && becameEligible) {
          effects.add(new Effect.StartOnboarding(link.userId()));
        }
      }
    }

    // ---- step 13: alerts ----------------------------------------------------------------

    private void rankAlerts() {
      for (DiffItem.Removed removed : diff.of(DiffItem.Removed.class)) {
        linkByUser.values().stream()
            .filter(l -> l.wallet().equals(removed.address()))
            .findFirst()
            .ifPresent(
                l ->
                    alert(
                        l.userId(),
                        Optional.ofNullable(profileByUser.get(l.userId())).map(Profile::memberId),
                        new Alert.EligibilityLost(
                            removed.previousRank(), removed.reason(), rules.graceHours())));
      }
      PositionAlerts positions = new PositionAlerts(rules);
      for (Profile p : profileByUser.values()) {
        WalletLink link = linkByUser.get(p.userId());
        if (!p.active() || link == null) {
          continue;
        }
        Optional<RankingEntry> now = ranking.entry(link.wallet());
        if (now.isEmpty()) {
          continue;
        }
        Optional<RankingEntry> before = previous.entry(link.wallet());
        positions
            .positionUpdate(before, now.get(), ranking)
            .ifPresent(a -> alertMember(p.memberId(), a));
        positions.atRisk(before, now.get(), ranking).ifPresent(a -> alertMember(p.memberId(), a));
      }
      Optional<NaibThreat> threat =
          NaibCouncil.threat(
              seats.openSeatsAfter(),
              holderBalances,
              seats.waiting(),
              config.members().naibThreatMarginPct());
      Optional<NaibThreat> before = previousThreat();
      threat
          .filter(t -> !t.challenger().equals(ctx.lastNaibThreat().get(t.holder())))
          .filter(t -> before.map(b -> !sameThreat(b, t)).orElse(true))
          .ifPresent(
              t ->
                  alertMember(
                      t.holder(),
                      new Alert.NaibThreatAlert(
                          t.seatNumber(),
                          t.holderBalance(),
                          t.challengerBalance(),
                          t.challenger())));
    }

    /**
     * The threat as it stood on the previous ranking with the seats held before this run: a threat
     * that already existed then (announced, or suppressed by the baseline) is not new.
     */
    private Optional<NaibThreat> previousThreat() {
      Map<MemberId, BigInteger> balances = new HashMap<>();
      Set<MemberId> holders = new java.util.HashSet<>();
      for (SeatRecord seat : ctx.openSeats()) {
        holders.add(seat.memberId());
        previousEntry(seat.memberId()).ifPresent(e -> balances.put(seat.memberId(), e.balance()));
      }
      List<SeatCandidate> waiting = new ArrayList<>();
      for (Profile p : ctx.profiles()) {
        if (!holders.contains(p.memberId())) {
          previousEntry(p.memberId())
              .ifPresent(e -> waiting.add(new SeatCandidate(p.memberId(), e.rank(), e.balance())));
        }
      }
      waiting.sort(SeatCandidate.ORDER);
      return NaibCouncil.threat(
          ctx.openSeats(), balances, waiting, config.members().naibThreatMarginPct());
    }

    private Optional<RankingEntry> previousEntry(MemberId member) {
      return ctx.profiles().stream()
          .filter(p -> p.memberId().equals(member) && p.active())
          .findFirst()
          .flatMap(p -> Optional.ofNullable(linkByUser.get(p.userId())))
          .flatMap(l -> previous.entry(l.wallet()))
          .filter(RankingEntry::eligible);
    }

    private boolean sameThreat(NaibThreat a, NaibThreat b) {
      return a.holder().equals(b.holder()) && a.challenger().equals(b.challenger());
    }

    // ---- step 14–15: posts --------------------------------------------------------------

    private void doorPosts() {
      Optional<Snowflake> door = config.channels().theDoor();
      for (DiffItem item : diff.items()) {
        post(ChannelKey.THE_DOOR, door, doorPost(item));
      }
    }

    private ChannelPost doorPost(DiffItem item) {
      if (item instanceof DiffItem.Added a) {
        boolean naib = a.rank().isPresent() && rules.isNaibRank(a.rank().getAsInt());
        return new ChannelPost.Arrival(
            a.address().truncated(),
            naib ? Tier.NAIB : Tier.FEDAYKIN,
            a.rank(),
            a.balance(),
            a.viaOverride());
      }
      if (item instanceof DiffItem.Removed r) {
        String words =
            r.reason() == RemovalReason.RANK_CHANGE
                ? "fell below #" + rules.eligibleCount()
                : r.reason().words();
        return new ChannelPost.Departure(
            r.address().truncated(), words, r.previousRank(), r.previousTier());
      }
      if (item instanceof DiffItem.NaibPromotion p) {
        return new ChannelPost.CouncilGrows(p.address().truncated(), p.rank(), p.balance());
      }
      DiffItem.NaibDemotion d = (DiffItem.NaibDemotion) item;
      return new ChannelPost.CouncilChange(d.address().truncated(), d.newRank());
    }

    private void census() {
      List<ChannelPost.CensusLine> naib = new ArrayList<>();
      List<ChannelPost.CensusLine> fedaykin = new ArrayList<>();
      List<ChannelPost.CensusLine> decree = new ArrayList<>();
      for (RankingEntry e : ranking.eligible()) {
        ChannelPost.CensusLine line =
            new ChannelPost.CensusLine(e.rank(), e.address().truncated(), e.balance());
        if (e.viaOverride()) {
          decree.add(line);
        } else if (rules.isNaibRank(e.rank().getAsInt())) {
          naib.add(line);
        } else {
          fedaykin.add(line);
        }
      }
      post(
          ChannelKey.CENSUS,
          config.channels().census(),
          new ChannelPost.Census(
              now, naib, fedaykin, decree, ranking.eligibleCount(), rules.eligibleCount()));
    }

    // ---- helpers ------------------------------------------------------------------------

    private void post(ChannelKey key, Optional<Snowflake> channel, ChannelPost post) {
      channel.ifPresent(id -> effects.add(new Effect.PostToChannel(key, id, post)));
    }

    private void alertMember(MemberId member, Alert alert) {
      profileOf(member).ifPresent(p -> alert(p.userId(), Optional.of(member), alert));
    }

    /** Gates an alert with the member's preferences and this run's count; no alerts on baseline. */
    private void alert(UserId recipient, Optional<MemberId> member, Alert alert) {
      if (baseline) {
        return;
      }
      Optional<AlertPreferences> prefs =
          member
              .flatMap(m -> Optional.ofNullable(ctx.preferences().get(m)))
              .map(this::withRunCount);
      if (!AlertGate.decide(alert.type(), prefs).isAllowed()) {
        return;
      }
      if (!alert.type().critical()) {
        member.ifPresent(m -> alertsCounted.merge(m, 1, Integer::sum));
      }
      effects.add(new Effect.SendAlert(recipient, member, alert));
    }

    private AlertPreferences withRunCount(AlertPreferences p) {
      int extra = alertsCounted.getOrDefault(p.memberId(), 0);
      return new AlertPreferences(
          p.memberId(),
          p.positionUpdates(),
          p.atRiskWarnings(),
          p.naibAlerts(),
          p.frequency(),
          p.alertsSentThisWeek() + extra,
          p.weekStart());
    }

    private Optional<RankingEntry> entryOf(UserId user) {
      return Optional.ofNullable(linkByUser.get(user)).flatMap(l -> ranking.entry(l.wallet()));
    }

    private Optional<Profile> profileOf(MemberId member) {
      return profileByUser.values().stream()
          .filter(p -> p.memberId().equals(member))
          .findFirst()
          .map(this::current);
    }

    private Profile current(Profile p) {
      return changedProfiles.getOrDefault(p.memberId(), p);
    }

    private void changeProfile(Profile updated) {
      changedProfiles.put(updated.memberId(), updated);
    }

    private void audit(AuditType type, Object... keyValues) {
      effects.add(new Effect.RecordAudit(AuditEvent.system(type, keyValues)));
    }

    private String rankText(java.util.OptionalInt rank) {
      return rank.isPresent() ? Integer.toString(rank.getAsInt()) : "";
    }
  }

  /** Deterministic iteration over users (by snowflake). */
  private static Map<UserId, Set<RoleKey>> byValue(Map<UserId, Set<RoleKey>> members) {
    TreeMap<UserId, Set<RoleKey>> sorted =
        new TreeMap<>(java.util.Comparator.comparingLong(UserId::value));
    sorted.putAll(members);
    return sorted;
  }
}
