package io.arrakis.domain.sync;

import static io.arrakis.domain.Fixtures.addr;
import static io.arrakis.domain.Fixtures.bgt;
import static io.arrakis.domain.Fixtures.descendingHolders;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.Fixtures;
import io.arrakis.domain.alerts.Alert;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.effect.ChannelKey;
import io.arrakis.domain.effect.ChannelPost;
import io.arrakis.domain.effect.Effect;
import io.arrakis.domain.eligibility.EligibilityOverride;
import io.arrakis.domain.eligibility.OverrideAction;
import io.arrakis.domain.naib.UnseatReason;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.waitlist.ClosedReason;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EligibilitySyncServiceTest {
  private final SyncHarness h = new SyncHarness();

  private static <T extends Effect> List<T> effects(SyncOutcome o, Class<T> kind) {
    return o.effects().stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  private static List<Alert> alerts(SyncOutcome o) {
    return effects(o, Effect.SendAlert.class).stream().map(Effect.SendAlert::alert).toList();
  }

  private static List<AuditType> audits(SyncOutcome o) {
    return effects(o, Effect.RecordAudit.class).stream().map(a -> a.event().type()).toList();
  }

  private static List<Effect.RemoveRole> removals(SyncOutcome o, RoleKey role) {
    return effects(o, Effect.RemoveRole.class).stream().filter(r -> r.role() == role).toList();
  }

  @Test
  void givenFirstSync_whenRun_thenBaselineEstablishesSeatsRolesAndCensusButAnnouncesNothing() {
    h.chain.holders(descendingHolders(101));
    for (int rank = 1; rank <= 8; rank++) {
      h.member(rank, true);
    }
    h.member(20, false); // linked and eligible, no profile yet

    SyncOutcome o = h.syncAndPerform();

    SyncOutcome.Succeeded s = (SyncOutcome.Succeeded) o;
    assertThat(s.baseline()).isTrue();
    assertThat(s.changes().snapshot().rankedCount()).isEqualTo(101);
    assertThat(h.repos.eligibilityRepo.current(h.id)).contains(s.changes().snapshot());
    assertThat(alerts(o)).isEmpty();
    assertThat(effects(o, Effect.PostToChannel.class))
        .extracting(Effect.PostToChannel::channel)
        .containsExactly(ChannelKey.CENSUS);
    var eligibilityUpdate = effects(o, Effect.RecordAudit.class).get(0).event();
    assertThat(eligibilityUpdate.type()).isEqualTo(AuditType.ELIGIBILITY_UPDATE);
    assertThat(eligibilityUpdate.payload())
        .containsEntry("baseline", "true")
        .containsEntry("eligible", "69");
    assertThat(h.repos.seatsRepo.open(h.id)).hasSize(7);
    assertThat(h.guild.rolesOf(SyncHarness.user(1)))
        .contains(RoleKey.NAIB, RoleKey.ONBOARDED, RoleKey.SAYYADINA)
        .doesNotContain(RoleKey.FEDAYKIN);
    assertThat(h.guild.rolesOf(SyncHarness.user(8)))
        .contains(RoleKey.FEDAYKIN)
        .doesNotContain(RoleKey.NAIB);
    assertThat(effects(o, Effect.StartOnboarding.class))
        .containsExactly(new Effect.StartOnboarding(SyncHarness.user(20)));
    assertThat(h.repos.eligibilityRepo.health(h.id).inGracePeriod()).isFalse();
    assertThat(h.repos.thresholdSnapshots).hasSize(1);
  }

  @Test
  void givenSameChainState_whenSyncRunsTwice_thenTheSecondRunProducesNoChangeEffects() {
    h.chain.holders(descendingHolders(101));
    for (int rank = 1; rank <= 9; rank++) {
      h.member(rank, true);
    }
    h.member(30, false);
    h.member(90, true); // a member outside the eligible ranks
    h.syncAndPerform();
    h.advance(Duration.ofHours(6));

    SyncOutcome second = h.syncAndPerform();

    assertThat(second).isInstanceOf(SyncOutcome.Succeeded.class);
    assertThat(second.changeEffects()).isEmpty();
    assertThat(second.effects()).allMatch(Effect::routine);
    assertThat(audits(second))
        .containsExactly(
            AuditType.ELIGIBILITY_UPDATE, AuditType.NAIB_SEATS_EVALUATED, AuditType.TIER_ROLE_SYNC);
  }

  @Test
  void
      givenChainSourceFailing_whenSyncRuns_thenFailureIsRecordedGraceStartsAndNothingElseHappens() {
    h.chain.holders(descendingHolders(80));
    h.member(10, true);
    h.syncAndPerform();
    var snapshot = h.repos.eligibilityRepo.current(h.id).orElseThrow();
    h.chain.failing(true);
    h.advance(Duration.ofHours(6));

    SyncOutcome first = h.syncAndPerform();
    h.advance(Duration.ofHours(6));
    SyncOutcome second = h.syncAndPerform();

    assertThat(first).isInstanceOf(SyncOutcome.Failed.class);
    assertThat(audits(second)).containsExactly(AuditType.ELIGIBILITY_SYNC_FAILED);
    assertThat(second.effects()).hasSize(1);
    var health = h.repos.eligibilityRepo.health(h.id);
    assertThat(health.inGracePeriod()).isTrue();
    assertThat(health.consecutiveFailures()).isEqualTo(2);
    assertThat(health.lastError()).contains("all RPC endpoints failed");
    assertThat(h.repos.eligibilityRepo.current(h.id)).contains(snapshot);
  }

  @Test
  void
      givenMemberDropsOut_whenTheChainSourceFailsPastTheGracePeriod_thenNoRevocationUntilASuccessfulSync() {
    h.chain.holders(descendingHolders(80));
    seatTheCouncil();
    MemberId member = h.member(60, true);
    UserId user = SyncHarness.user(60);
    h.syncAndPerform();
    assertThat(h.guild.rolesOf(user)).contains(RoleKey.FEDAYKIN);

    // the wallet empties: removed from eligibility, Fedaykin scheduled (not removed)
    h.chain.balance(addr(60), java.math.BigInteger.ZERO);
    h.advance(Duration.ofHours(6));
    SyncOutcome dropped = h.syncAndPerform();
    assertThat(alerts(dropped))
        .anySatisfy(a -> assertThat(a).isInstanceOf(Alert.EligibilityLost.class));
    assertThat(effects(dropped, Effect.PostToChannel.class))
        .extracting(Effect.PostToChannel::post)
        .anySatisfy(
            p ->
                assertThat(p)
                    .isEqualTo(
                        new ChannelPost.Departure(
                            addr(60).truncated(),
                            "holds no more",
                            java.util.OptionalInt.of(60),
                            Optional.of(Tier.FEDAYKIN))));
    assertThat(removals(dropped, RoleKey.FEDAYKIN)).isEmpty();
    assertThat(audits(dropped))
        .contains(AuditType.ROLE_REMOVAL_SCHEDULED, AuditType.MEMBER_REMOVED);
    assertThat(h.repos.pendingRepo.all(h.id)).extracting(p -> p.role()).contains(RoleKey.FEDAYKIN);

    // the chain source fails for 30 hours: every attempt fails and nothing is removed
    h.chain.failing(true);
    for (int i = 0; i < 5; i++) {
      h.advance(Duration.ofHours(6));
      SyncOutcome failing = h.syncAndPerform();
      assertThat(failing).isInstanceOf(SyncOutcome.Failed.class);
      assertThat(effects(failing, Effect.RemoveRole.class)).isEmpty();
    }
    assertThat(h.guild.rolesOf(user)).contains(RoleKey.FEDAYKIN);

    // the source recovers: the first successful sync at least 24 h after scheduling removes it
    h.chain.failing(false);
    h.advance(Duration.ofHours(6));
    SyncOutcome recovered = h.syncAndPerform();
    assertThat(removals(recovered, RoleKey.FEDAYKIN))
        .singleElement()
        .extracting(Effect.RemoveRole::reason)
        .isEqualTo("grace_expired");
    assertThat(alerts(recovered)).contains(new Alert.AccessRevoked());
    assertThat(h.guild.rolesOf(user)).doesNotContain(RoleKey.FEDAYKIN).contains(RoleKey.ONBOARDED);
    assertThat(h.repos.pendingRepo.all(h.id)).isEmpty();
    assertThat(h.repos.profilesRepo.byMember(h.id, member).orElseThrow().tier()).isEmpty();
  }

  @Test
  void givenDroppedMemberReentersWithinGrace_whenSynced_thenPendingRemovalIsCancelled() {
    h.chain.holders(descendingHolders(80));
    seatTheCouncil();
    h.member(60, true);
    h.syncAndPerform();
    h.chain.balance(addr(60), java.math.BigInteger.ZERO);
    h.advance(Duration.ofHours(6));
    h.syncAndPerform();
    h.chain.balance(addr(60), bgt(940));
    h.advance(Duration.ofHours(6));

    SyncOutcome back = h.syncAndPerform();

    assertThat(audits(back)).contains(AuditType.ROLE_REMOVAL_CANCELLED, AuditType.MEMBER_ADDED);
    assertThat(h.repos.pendingRepo.all(h.id)).isEmpty();
    assertThat(h.guild.rolesOf(SyncHarness.user(60))).contains(RoleKey.FEDAYKIN);
  }

  @Test
  void givenEveryBalanceVanishes_whenSynced_thenSanityGuardFailsTheSyncAndKeepsTheRanking() {
    h.chain.holders(descendingHolders(10));
    h.syncAndPerform();
    for (int n = 1; n <= 10; n++) {
      h.chain.balance(addr(n), java.math.BigInteger.ZERO);
    }
    SyncOutcome o = h.syncAndPerform();
    assertThat(o).isInstanceOf(SyncOutcome.Failed.class);
    assertThat(((SyncOutcome.Failed) o).error()).contains("empty");
    assertThat(h.repos.eligibilityRepo.current(h.id).orElseThrow().rankedCount()).isEqualTo(10);
    assertThat(h.repos.eligibilityRepo.health(h.id).inGracePeriod()).isTrue();
  }

  @Test
  void givenNoTokenConfigured_whenSynced_thenFailure() {
    SyncHarness bare =
        new SyncHarness(
            Fixtures.sietch()
                .withToken(
                    new io.arrakis.domain.community.TokenConfig(
                        80094, Optional.empty(), "BGT", 18, 0)));
    assertThat(bare.sync()).isInstanceOf(SyncOutcome.Failed.class);
    assertThat(bare.chain.reads()).isZero();
  }

  @Test
  void givenNewMemberRicherThanTheLowestSeat_whenSynced_thenBumpsWithAlertsAndRoleSwaps() {
    h.chain.holders(descendingHolders(80));
    for (int rank = 2; rank <= 8; rank++) {
      h.member(rank, true);
    }
    h.syncAndPerform(); // seats go to ranks 2..8
    MemberId newcomer = h.member(1, true);
    MemberId lowest = new MemberId(new UUID(0xAB, 8));
    h.advance(Duration.ofHours(6));

    SyncOutcome o = h.syncAndPerform();

    assertThat(alerts(o)).contains(new Alert.NaibBump(7, bgt(999)), new Alert.NaibSeated(7, false));
    var closed = h.repos.seatsRepo.all(h.id).stream().filter(s -> !s.isOpen()).toList();
    assertThat(closed)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.memberId()).isEqualTo(lowest);
              assertThat(s.closure().orElseThrow().reason()).isEqualTo(UnseatReason.BUMPED);
              assertThat(s.closure().orElseThrow().bumpedBy()).contains(newcomer);
            });
    assertThat(h.repos.profilesRepo.byMember(h.id, lowest).orElseThrow().formerNaib()).isTrue();
    assertThat(h.guild.rolesOf(SyncHarness.user(8)))
        .contains(RoleKey.FEDAYKIN, RoleKey.FORMER_NAIB)
        .doesNotContain(RoleKey.NAIB);
    assertThat(h.guild.rolesOf(SyncHarness.user(1))).contains(RoleKey.NAIB);
  }

  @Test
  void
      givenSeatHolderWithCloseChallenger_whenSynced_thenNaibThreatOnceWhileTheSameChallengerRemains() {
    h.chain.holders(descendingHolders(80));
    for (int rank = 1; rank <= 8; rank++) {
      h.member(rank, true);
    }
    h.chain.balance(addr(8), bgt(800)); // 80 % of seat 7's 993: no threat yet
    h.syncAndPerform();
    h.advance(Duration.ofHours(6));
    h.chain.balance(addr(8), bgt(991)); // still below seat 7's 993 but within 90 %
    SyncOutcome first = h.syncAndPerform();
    h.advance(Duration.ofHours(6));
    SyncOutcome second = h.syncAndPerform();

    assertThat(alerts(first))
        .anySatisfy(a -> assertThat(a).isInstanceOf(Alert.NaibThreatAlert.class));
    assertThat(alerts(second)).noneMatch(a -> a instanceof Alert.NaibThreatAlert);
  }

  @Test
  void givenWaitlistRegistrant_whenTheirWalletBecomesEligible_thenNotifiedAndClosed() {
    h.chain.holders(descendingHolders(101));
    UserId user = SyncHarness.user(75);
    h.member(75, false);
    h.syncAndPerform();
    var reg =
        new WaitlistRegistration(
            UUID.randomUUID(),
            user,
            addr(75),
            75,
            bgt(925),
            h.now,
            Optional.empty(),
            Optional.empty());
    h.repos.waitlistRepo.save(h.id, reg);
    h.guild.grant(user, RoleKey.TAQWA);
    h.chain.balance(addr(75), bgt(5000));
    h.advance(Duration.ofHours(6));

    SyncOutcome o = h.syncAndPerform();

    assertThat(alerts(o))
        .contains(new Alert.WaitlistEligible(java.util.OptionalInt.of(1), addr(75).truncated()));
    WaitlistRegistration closed = h.repos.waitlistRepo.allRegistrations(h.id).get(0);
    assertThat(closed.closure().orElseThrow().reason()).isEqualTo(ClosedReason.ELIGIBLE);
    assertThat(h.guild.rolesOf(user)).contains(RoleKey.FEDAYKIN).doesNotContain(RoleKey.TAQWA);
    assertThat(effects(o, Effect.StartOnboarding.class))
        .containsExactly(new Effect.StartOnboarding(user));
  }

  @Test
  void givenMemberCrossingIntoUsul_whenSynced_thenPromotionAlertBadgeAndHistory() {
    for (int n = 1; n <= 80; n++) {
      h.chain.balance(addr(n), bgt(10_000));
    }
    h.chain.balance(addr(500), bgt(1000));
    MemberId member = h.member(500, true);
    h.syncAndPerform();
    assertThat(h.repos.profilesRepo.byMember(h.id, member).orElseThrow().tier())
        .contains(Tier.SAYYADINA);
    h.chain.balance(addr(500), bgt(1200));
    h.advance(Duration.ofHours(6));

    SyncOutcome o = h.syncAndPerform();

    assertThat(alerts(o))
        .anySatisfy(
            a ->
                assertThat(a)
                    .isInstanceOfSatisfying(
                        Alert.TierPromotion.class,
                        p -> assertThat(p.newTier()).isEqualTo(Tier.USUL)));
    assertThat(alerts(o)).anySatisfy(a -> assertThat(a).isInstanceOf(Alert.BadgeAward.class));
    assertThat(h.repos.badgesRepo.ofMember(h.id, member))
        .extracting(b -> b.badgeId())
        .containsExactly(BadgeCatalogue.USUL_ASCENDED);
    assertThat(h.repos.tierHistory)
        .last()
        .satisfies(
            t -> {
              assertThat(t.oldTier()).contains(Tier.SAYYADINA);
              assertThat(t.newTier()).contains(Tier.USUL);
            });
    assertThat(h.guild.rolesOf(SyncHarness.user(500))).contains(RoleKey.USUL);
  }

  @Test
  void givenMemberPromotedToFedaykin_whenSynced_thenStoryFragmentAndArrivalButNoNymOnTheDoor() {
    h.chain.holders(descendingHolders(80));
    h.member(75, true);
    h.syncAndPerform();
    h.chain.balance(addr(75), bgt(2000));
    h.advance(Duration.ofHours(6));

    SyncOutcome o = h.syncAndPerform();

    List<ChannelPost> door =
        effects(o, Effect.PostToChannel.class).stream()
            .filter(p -> p.channel() == ChannelKey.THE_DOOR)
            .map(Effect.PostToChannel::post)
            .toList();
    assertThat(door).contains(new ChannelPost.StoryFragment("naib_join"));
    assertThat(door).anySatisfy(p -> assertThat(p).isInstanceOf(ChannelPost.Arrival.class));
    assertThat(door).anySatisfy(p -> assertThat(p).isInstanceOf(ChannelPost.CouncilGrows.class));
    assertThat(door.toString()).doesNotContain("nym75");
  }

  @Test
  void
      givenRankWorseningIntoTheAtRiskBand_whenSynced_thenPositionAndAtRiskAlertsWithinTheWeeklyCap() {
    h.chain.holders(descendingHolders(80));
    MemberId member = h.member(60, true);
    h.repos.alertsRepo.savePreferences(
        h.id,
        h.repos
            .alertsRepo
            .preferences(h.id, member)
            .orElseThrow()
            .withFrequency(io.arrakis.domain.alerts.AlertFrequency.ONE_PER_WEEK));
    h.syncAndPerform();
    h.chain.balance(addr(60), bgt("935.5")); // between rank 64 (936) and 65 (935): rank 64
    h.advance(Duration.ofHours(6));

    SyncOutcome o = h.syncAndPerform();

    // position_update comes first and uses the only non-critical slot of 1_per_week
    assertThat(alerts(o))
        .filteredOn(a -> !a.type().critical())
        .singleElement()
        .isInstanceOf(Alert.PositionUpdate.class);
  }

  @Test
  void givenRankWorseningIntoTheAtRiskBandWithRoom_whenSynced_thenAtRiskWarningSent() {
    h.chain.holders(descendingHolders(80));
    h.member(60, true);
    h.syncAndPerform();
    h.chain.balance(addr(60), bgt("935.5"));
    h.advance(Duration.ofHours(6));

    SyncOutcome o = h.syncAndPerform();

    assertThat(alerts(o))
        .anySatisfy(
            a ->
                assertThat(a)
                    .isInstanceOfSatisfying(
                        Alert.AtRiskWarning.class,
                        w -> {
                          assertThat(w.rank()).isEqualTo(64);
                          assertThat(w.positionsAtRisk()).isEqualTo(6);
                        }));
  }

  @Test
  void givenExpiredOverride_whenSynced_thenDeactivatedAuditedAndNoLongerApplied() {
    h.chain.holders(descendingHolders(80));
    var add =
        new EligibilityOverride(
            UUID.randomUUID(),
            addr(75),
            OverrideAction.ADD,
            "guest",
            "op",
            h.now,
            Optional.of(h.now.plus(Duration.ofHours(1))),
            true);
    h.repos.eligibilityRepo.saveOverride(h.id, add);
    SyncOutcome before = h.syncAndPerform();
    assertThat(((SyncOutcome.Succeeded) before).changes().snapshot().ranking().isEligible(addr(75)))
        .isTrue();
    h.advance(Duration.ofHours(6));

    SyncOutcome o = h.syncAndPerform();

    assertThat(audits(o)).contains(AuditType.OVERRIDE_EXPIRED, AuditType.MEMBER_REMOVED);
    assertThat(h.repos.eligibilityRepo.activeOverrides(h.id)).isEmpty();
    assertThat(((SyncOutcome.Succeeded) o).changes().snapshot().ranking().isEligible(addr(75)))
        .isFalse();
  }

  @Test
  void givenAddOverrideForAnAbsentWallet_whenSynced_thenAdmittedByDecreeInTheCensus() {
    h.chain.holders(descendingHolders(80));
    h.repos.eligibilityRepo.saveOverride(
        h.id,
        new EligibilityOverride(
            UUID.randomUUID(),
            addr(900),
            OverrideAction.ADD,
            "guest",
            "op",
            h.now,
            Optional.empty(),
            true));
    SyncOutcome o = h.syncAndPerform();
    ChannelPost.Census census =
        (ChannelPost.Census) effects(o, Effect.PostToChannel.class).get(0).post();
    assertThat(census.byDecree())
        .extracting(ChannelPost.CensusLine::wallet)
        .containsExactly(addr(900).truncated());
    assertThat(census.naib()).hasSize(7);
    assertThat(census.fedaykin()).hasSize(62);
    assertThat(census.eligibleCount()).isEqualTo(70);
  }

  @Test
  void givenShadowMode_whenSynced_thenNoRoleIsWrittenAndAComparisonIsRecorded() {
    SyncHarness shadow =
        new SyncHarness(
            Fixtures.sietch().withCoexistence(CoexistenceMode.SHADOW, Optional.empty()));
    shadow.chain.holders(descendingHolders(80));
    shadow.member(10, true);
    shadow.member(11, true);
    shadow.guild.grant(SyncHarness.user(11), RoleKey.FEDAYKIN);

    SyncOutcome o = shadow.syncAndPerform();

    assertThat(effects(o, Effect.GrantRole.class)).isEmpty();
    assertThat(effects(o, Effect.RemoveRole.class)).isEmpty();
    assertThat(((SyncOutcome.Succeeded) o).changes().shadowComparison())
        .contains(new ShadowComparison(2, 0));
    assertThat(shadow.repos.migrationsRepo.comparisons)
        .as("stored for /admin-migrate readiness")
        .containsExactly(new ShadowComparison(2, 0));
  }

  @Test
  void givenParallelMode_whenSynced_thenSeatAndChainRolesUseTheNamespacedCopies() {
    SyncHarness parallel =
        new SyncHarness(
            Fixtures.sietch().withCoexistence(CoexistenceMode.PARALLEL, Optional.empty()));
    parallel.chain.holders(descendingHolders(80));
    parallel.member(10, true);

    SyncOutcome o = parallel.syncAndPerform();

    var grants = effects(o, Effect.GrantRole.class);
    // the only member takes a seat: Naib is a seat role, written as its namespaced copy
    assertThat(grants)
        .filteredOn(g -> g.role() == RoleKey.NAIB)
        .singleElement()
        .extracting(Effect.GrantRole::discordRoleId)
        .isEqualTo(
            new io.arrakis.domain.common.Snowflake(Fixtures.roleId(RoleKey.NAIB).value() + 500));
    assertThat(grants)
        .filteredOn(g -> g.role() == RoleKey.HAJRA)
        .singleElement()
        .extracting(Effect.GrantRole::discordRoleId)
        .isEqualTo(
            new io.arrakis.domain.common.Snowflake(Fixtures.roleId(RoleKey.HAJRA).value() + 500));
    assertThat(grants)
        .filteredOn(g -> g.role() == RoleKey.ONBOARDED)
        .singleElement()
        .extracting(Effect.GrantRole::discordRoleId)
        .isEqualTo(Fixtures.roleId(RoleKey.ONBOARDED));
  }

  /** Members on ranks 1..7, so that later members are not seated. */
  private void seatTheCouncil() {
    for (int rank = 1; rank <= 7; rank++) {
      h.member(rank, true);
    }
  }
}
