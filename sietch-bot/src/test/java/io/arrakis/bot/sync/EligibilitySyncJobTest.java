package io.arrakis.bot.sync;

import static io.arrakis.bot.sync.SyncFixture.CHAIN;
import static io.arrakis.bot.sync.SyncFixture.addr;
import static io.arrakis.bot.sync.SyncFixture.bgt;
import static io.arrakis.bot.sync.SyncFixture.roleId;
import static io.arrakis.bot.sync.SyncFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.jobs.JobPeriod;
import io.arrakis.bot.jobs.JobResult;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.state.Leases;
import io.arrakis.testkit.domain.InMemoryAuditLogRepository;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EligibilitySyncJobTest {
  private final SyncFixture f = new SyncFixture();

  private JobResult runJob() throws Exception {
    return f.job.run(new JobPeriod(f.clock.instant(), false, () -> true));
  }

  private List<AuditType> audits(CommunityConfig c) {
    return f.repos.auditLog().entries(c.id()).stream()
        .map(InMemoryAuditLogRepository.Entry::event)
        .map(e -> e.type())
        .toList();
  }

  @Test
  void declaresTheSpecSchedule() {
    assertThat(f.job.name()).isEqualTo("eligibility-sync");
    assertThat(f.job.cron()).isEqualTo("0 */6 * * *");
    assertThat(f.job.maxDuration()).isEqualTo(Duration.ofSeconds(300));
    assertThat(f.job.attempts()).isEqualTo(3);
  }

  @Test
  void givenABaseline_whenTheJobRuns_thenRolesAreQueuedAndTheCensusPostedWithoutAlerts()
      throws Exception {
    CommunityConfig c = f.community(42, CHAIN);
    f.holders(CHAIN, 100);
    f.member(c, 40, false);

    JobResult result = runJob();

    assertThat(result.communities()).isEqualTo(1);
    assertThat(result.failedCommunities()).isZero();
    List<DiscordAction.AddRole> adds = f.actions.of(DiscordAction.AddRole.class);
    assertThat(adds)
        .anySatisfy(
            a -> {
              assertThat(a.userId()).isEqualTo(user(40).value());
              assertThat(a.roleId()).isEqualTo(roleId(RoleKey.FEDAYKIN).value());
              assertThat(a.guild()).isEqualTo(42);
              assertThat(a.actionId()).startsWith("sync:").contains(":role.add:");
            });
    assertThat(f.actions.of(DiscordAction.PostToChannel.class))
        .singleElement()
        .satisfies(p -> assertThat(p.channelId()).isEqualTo(SyncFixture.CENSUS.value()));
    assertThat(f.actions.of(DiscordAction.SendDirectMessage.class))
        .as("the baseline sends no alerts, only the onboarding invitation")
        .allSatisfy(dm -> assertThat(dm.purpose()).isEqualTo("onboarding:welcome"));
    assertThat(audits(c)).contains(AuditType.ELIGIBILITY_UPDATE);
    assertThat(f.leases.tryAcquire("sync:" + c.id().value(), "other", Duration.ofSeconds(1)))
        .as("the community lock is released after the run")
        .isInstanceOf(Leases.Acquired.class);
  }

  @Test
  void givenAMemberRisingIntoTheTop69WithSeatsFree_thenSeatedAndAlertDmsQueuedWithTheirRows()
      throws Exception {
    CommunityConfig c = f.community(42, CHAIN);
    SyncFixture.Chain chain = f.holders(CHAIN, 100);
    f.member(c, 80, true);
    runJob();
    f.executeRoleActions();
    assertThat(f.guild.roles(user(80))).doesNotContain(RoleKey.FEDAYKIN);
    f.actions.queued.clear();

    chain.balances.put(addr(80), bgt(975)); // rank 25
    f.clock.advance(Duration.ofHours(6));
    runJob();

    assertThat(f.actions.of(DiscordAction.AddRole.class))
        .anySatisfy(
            a -> {
              assertThat(a.userId()).isEqualTo(user(80).value());
              assertThat(a.roleId()).isEqualTo(roleId(RoleKey.NAIB).value());
            });
    List<DiscordAction.SendDirectMessage> dms = f.actions.of(DiscordAction.SendDirectMessage.class);
    assertThat(dms)
        .isNotEmpty()
        .allSatisfy(dm -> assertThat(dm.userId()).isEqualTo(user(80).value()));
    var history = f.repos.alerts().history(c.id());
    assertThat(history).hasSameSizeAs(dms);
    assertThat(history).allSatisfy(r -> assertThat(r.delivered()).isFalse());
    assertThat(dms)
        .extracting(DiscordAction::actionId)
        .containsExactlyInAnyOrderElementsOf(
            history.stream().map(r -> AlertDelivery.actionId(c.id(), r.id())).toList());
    assertThat(dms)
        .extracting(DiscordAction.SendDirectMessage::purpose)
        .contains("alert:tier_promotion", "alert:naib_seated");
    assertThat(f.actions.of(DiscordAction.PostToChannel.class))
        .extracting(DiscordAction.PostToChannel::channelId)
        .contains(SyncFixture.THE_DOOR.value(), SyncFixture.CENSUS.value());
  }

  @Test
  void givenALinkedUserRisingIntoTheTop69_thenFedaykinIsGrantedAndOnboardingOffered()
      throws Exception {
    CommunityConfig c = f.community(42, CHAIN);
    SyncFixture.Chain chain = f.holders(CHAIN, 100);
    f.member(c, 80, false);
    runJob();
    f.executeRoleActions();
    f.actions.queued.clear();

    chain.balances.put(addr(80), bgt(975));
    f.clock.advance(Duration.ofHours(6));
    runJob();

    assertThat(f.actions.of(DiscordAction.AddRole.class))
        .anySatisfy(
            a -> {
              assertThat(a.userId()).isEqualTo(user(80).value());
              assertThat(a.roleId()).isEqualTo(roleId(RoleKey.FEDAYKIN).value());
            });
    assertThat(f.actions.of(DiscordAction.SendDirectMessage.class))
        .anySatisfy(
            dm -> {
              assertThat(dm.purpose()).isEqualTo("onboarding:welcome");
              assertThat(dm.actionId()).endsWith(":onboarding:" + user(80).value());
            });
  }

  @Test
  void givenNoChangeOnTheChain_whenRunAgain_thenNoRoleOrAlertIsQueuedTwice() throws Exception {
    CommunityConfig c = f.community(42, CHAIN);
    f.holders(CHAIN, 100);
    f.member(c, 40, true);
    runJob();
    f.executeRoleActions();
    f.actions.queued.clear();

    f.clock.advance(Duration.ofHours(6));
    runJob();

    assertThat(f.actions.of(DiscordAction.AddRole.class)).isEmpty();
    assertThat(f.actions.of(DiscordAction.RemoveRole.class)).isEmpty();
    assertThat(f.actions.of(DiscordAction.SendDirectMessage.class)).isEmpty();
    assertThat(f.actions.of(DiscordAction.PostToChannel.class)).hasSize(1); // the census
  }

  @Test
  void givenABurner_thenItsRolesGoOnlyAfterTheGracePeriod() throws Exception {
    CommunityConfig c = f.community(42, CHAIN);
    SyncFixture.Chain chain = f.holders(CHAIN, 100);
    f.member(c, 40, false);
    runJob();
    f.executeRoleActions();
    assertThat(f.guild.roles(user(40))).contains(RoleKey.FEDAYKIN);

    chain.burners.add(addr(40));
    f.clock.advance(Duration.ofHours(6));
    f.actions.queued.clear();
    runJob();
    assertThat(f.actions.of(DiscordAction.RemoveRole.class)).isEmpty();
    assertThat(f.actions.of(DiscordAction.SendDirectMessage.class))
        .anySatisfy(dm -> assertThat(dm.purpose()).isEqualTo("alert:eligibility_lost"));

    f.clock.advance(Duration.ofHours(25));
    f.actions.queued.clear();
    runJob();
    assertThat(f.actions.of(DiscordAction.RemoveRole.class))
        .anySatisfy(
            r -> {
              assertThat(r.userId()).isEqualTo(user(40).value());
              assertThat(r.roleId()).isEqualTo(roleId(RoleKey.FEDAYKIN).value());
            });
    assertThat(f.actions.of(DiscordAction.SendDirectMessage.class))
        .anySatisfy(dm -> assertThat(dm.purpose()).isEqualTo("alert:access_revoked"));
  }

  @Test
  void givenTheChainSourceDown_thenThreeFailedAttemptsLeaveGraceOnAndNoRoleRemoved()
      throws Exception {
    CommunityConfig c = f.community(42, CHAIN);
    SyncFixture.Chain chain = f.holders(CHAIN, 100);
    f.member(c, 40, false);
    runJob();
    f.executeRoleActions();
    chain.burners.add(addr(40));
    chain.failing = true;
    f.clock.advance(Duration.ofHours(48));
    f.actions.queued.clear();
    int readsBefore = chain.reads;

    JobResult result = runJob();

    assertThat(result.failedCommunities()).isEqualTo(1);
    assertThat(chain.reads - readsBefore).isEqualTo(3);
    assertThat(f.sleeps).hasSize(2);
    assertThat(f.sleeps.get(0)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
    assertThat(f.sleeps.get(1)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
    var health = f.repos.eligibility().health(c.id());
    assertThat(health.inGracePeriod()).isTrue();
    assertThat(health.consecutiveFailures()).isEqualTo(3);
    assertThat(f.actions.queued).isEmpty();
    assertThat(audits(c)).filteredOn(t -> t == AuditType.ELIGIBILITY_SYNC_FAILED).hasSize(3);
  }

  @Test
  void givenOneCommunityFailing_thenTheOthersAreStillSynced() throws Exception {
    CommunityConfig failing = f.community(41, 1);
    CommunityConfig healthy = f.community(42, CHAIN);
    f.holders(CHAIN, 100);
    f.holders(1, 10).failing = true;
    f.member(healthy, 40, false);

    JobResult result = runJob();

    assertThat(result.communities()).isEqualTo(2);
    assertThat(result.failedCommunities()).isEqualTo(1);
    assertThat(f.repos.eligibility().health(failing.id()).inGracePeriod()).isTrue();
    assertThat(f.repos.eligibility().current(healthy.id())).isPresent();
    assertThat(f.actions.of(DiscordAction.AddRole.class)).isNotEmpty();
  }

  @Test
  void givenTheCommunityLockHeld_thenTheCommunityIsSkippedWithoutReadingTheChain()
      throws Exception {
    CommunityConfig c = f.community(42, CHAIN);
    SyncFixture.Chain chain = f.holders(CHAIN, 100);
    f.leases.tryAcquire("sync:" + c.id().value(), "deploy", Duration.ofSeconds(300));

    var run = f.job.syncCommunity(c.id());

    assertThat(run.status()).isEqualTo(EligibilitySyncJob.Status.LOCKED);
    assertThat(chain.reads).isZero();
  }

  @Test
  void givenTheBrokerAway_thenQueuedAlertsAreMarkedFailedAndTheSyncStillCommits() throws Exception {
    CommunityConfig c = f.community(42, CHAIN);
    SyncFixture.Chain chain = f.holders(CHAIN, 100);
    f.member(c, 80, true);
    runJob();
    chain.balances.put(addr(80), bgt(975));
    f.clock.advance(Duration.ofHours(6));
    f.actions.refusing = true;

    var run = f.job.syncCommunity(c.id());

    assertThat(run.status()).isEqualTo(EligibilitySyncJob.Status.SYNCED);
    assertThat(run.notQueued()).isPositive();
    assertThat(f.repos.alerts().history(c.id()))
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.deliveryError())
                    .hasValueSatisfying(e -> assertThat(e).startsWith("not queued")));
  }

  @Test
  void givenTheLeaseOfThePeriodLost_thenTheJobStopsBeforeTheNextCommunity() throws Exception {
    f.community(41, CHAIN);
    f.community(42, CHAIN);
    f.holders(CHAIN, 10);

    JobResult result = f.job.run(new JobPeriod(f.clock.instant(), false, () -> false));

    assertThat(result.communities()).isZero();
  }
}
