package io.arrakis.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.events.MemberReconciliation;
import io.arrakis.bot.sync.AlertDelivery;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.alerts.AlertType;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.RoleMapping;
import io.arrakis.domain.port.MemberRoles;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.roles.RoleKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BadgeCheckJobTest {
  private final JobsFixture f = new JobsFixture();

  /** Who is in the guild and which managed roles they hold; nobody unless a test adds them. */
  private final Map<UserId, Set<RoleKey>> guild = new HashMap<>();

  private final MemberRoles memberRoles =
      new MemberRoles() {
        @Override
        public Map<UserId, Set<RoleKey>> holdersOfManagedRoles(CommunityId community) {
          return Map.copyOf(guild);
        }

        @Override
        public Map<UserId, Set<RoleKey>> guildMembers(CommunityId community, Set<UserId> users) {
          Map<UserId, Set<RoleKey>> in = new HashMap<>(guild);
          in.keySet().retainAll(users);
          return in;
        }
      };

  private final BadgeCheckJob job =
      new BadgeCheckJob(
          f.sweep,
          f.repos.profiles(),
          f.repos.badges(),
          f.repos.activity(),
          f.repos.auditLog(),
          new BadgeAwardAlerts(new AlertDelivery(f.repos.asRepositories()), f.actions),
          memberRoles,
          new MemberReconciliation(f.repos.asRepositories()),
          f.actions,
          f.clock);

  /** The role actions among everything queued, as "add|remove:{user}:{role}". */
  private List<String> roleChanges() {
    return f.actions.submitted.stream()
        .map(
            a ->
                a instanceof DiscordAction.AddRole r
                    ? "add:" + r.userId() + ":" + r.roleId()
                    : a instanceof DiscordAction.RemoveRole r
                        ? "remove:" + r.userId() + ":" + r.roleId()
                        : null)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  private List<String> roleActionIds() {
    return f.actions.submitted.stream()
        .filter(a -> !(a instanceof DiscordAction.SendDirectMessage))
        .map(DiscordAction::actionId)
        .toList();
  }

  @Test
  void givenMembersInTheGuild_thenTheDynamicRolesFollowTenure_andARerunQueuesTheSameActions() {
    CommunityConfig c =
        f.community()
            .withRoles(
                RoleMapping.empty()
                    .with(RoleKey.ONBOARDED, new Snowflake(501))
                    .with(RoleKey.VETERAN, new Snowflake(502))
                    .with(RoleKey.ENGAGED, new Snowflake(503)));
    f.repos.communities().save(c);
    Profile veteran = f.member(c, "old-timer", 100);
    Profile newcomer = f.member(c, "newcomer", 3);
    Profile away = f.member(c, "not-in-guild", 100);
    guild.put(veteran.userId(), Set.of());
    guild.put(newcomer.userId(), Set.of(RoleKey.ONBOARDED, RoleKey.ENGAGED));

    JobResult first = job.run(JobsFixture.period(JobsFixture.NOW));

    long v = veteran.userId().value();
    long n = newcomer.userId().value();
    assertThat(roleChanges())
        .as("Onboarded and Veteran for the 100-day member; Engaged no longer true for the newcomer")
        .containsExactlyInAnyOrder(
            "add:" + v + ":501", "add:" + v + ":502", "remove:" + n + ":503");
    assertThat(roleChanges()).noneMatch(r -> r.contains(":" + away.userId().value() + ":"));
    assertThat(first.summary()).contains("role_changes=3");
    assertThat(f.repos.auditLog().entries(c.id()))
        .anySatisfy(
            e -> {
              assertThat(e.event().type()).isEqualTo(AuditType.ROLE_ASSIGNED);
              assertThat(e.event().payload()).containsEntry("reason", "daily_check");
            });

    List<String> firstIds = roleActionIds();
    f.actions.submitted.clear();
    job.run(JobsFixture.period(JobsFixture.NOW));
    assertThat(roleActionIds())
        .as("the same period queues the same action ids, which the ingestor runs once")
        .containsExactlyInAnyOrderElementsOf(firstIds);
  }

  private java.util.List<String> activeBadges(CommunityConfig c, Profile p) {
    return f.repos.badges().ofMember(c.id(), p.memberId()).stream()
        .filter(MemberBadge::active)
        .map(MemberBadge::badgeId)
        .sorted()
        .toList();
  }

  @Test
  void givenAMemberOfHundredDays_thenVeteranIsAwardedButNotElder() {
    CommunityConfig c = f.community();
    Profile p = f.member(c, "old-timer", 100);

    JobResult result = job.run(JobsFixture.period(JobsFixture.NOW));

    assertThat(activeBadges(c, p)).contains("veteran").doesNotContain("elder");
    assertThat(f.repos.badges().ofMember(c.id(), p.memberId()))
        .allSatisfy(
            b -> {
              assertThat(b.awardedBy()).isEmpty();
              assertThat(b.reason()).contains(BadgeCheckJob.REASON);
            });
    assertThat(f.repos.auditLog().entries(c.id()))
        .anySatisfy(
            e -> {
              assertThat(e.event().type()).isEqualTo(AuditType.BADGE_AWARDED);
              assertThat(e.event().payload()).containsEntry("badge", "veteran");
            });
    assertThat(result.summary()).contains("members=1");
    // one badge_award DM per awarded badge, recorded in the alert history
    long awarded = f.repos.badges().ofMember(c.id(), p.memberId()).size();
    assertThat(f.actions.submitted)
        .hasSize((int) awarded)
        .allSatisfy(
            a ->
                assertThat(a)
                    .isInstanceOfSatisfying(
                        DiscordAction.SendDirectMessage.class,
                        dm -> assertThat(dm.userId()).isEqualTo(p.userId().value())));
    assertThat(f.repos.alerts().history(c.id()))
        .hasSize((int) awarded)
        .allSatisfy(r -> assertThat(r.alert().type()).isEqualTo(AlertType.BADGE_AWARD));
  }

  @Test
  void givenARevokedBadge_thenItIsNeverReawardedAndASecondRunAwardsNothing() {
    CommunityConfig c = f.community();
    Profile p = f.member(c, "revoked", 200);
    f.repos
        .badges()
        .save(
            c.id(),
            new MemberBadge(
                    UUID.randomUUID(),
                    p.memberId(),
                    "elder",
                    Instant.EPOCH,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty())
                .revoked(Instant.EPOCH, "admin"));

    job.run(JobsFixture.period(JobsFixture.NOW));
    int after = f.repos.badges().ofMember(c.id(), p.memberId()).size();
    JobResult second = job.run(JobsFixture.period(JobsFixture.NOW));

    assertThat(activeBadges(c, p)).contains("veteran").doesNotContain("elder");
    assertThat(f.repos.badges().ofMember(c.id(), p.memberId())).hasSize(after);
    assertThat(second.summary()).contains("awarded=0");
    assertThat(f.actions.submitted).hasSize(after - 1); // every row but the revoked one
  }

  @Test
  void givenAnInactiveMember_thenNothingIsAwarded() {
    CommunityConfig c = f.community();
    Profile p = f.member(c, "gone", 200).left(JobsFixture.NOW);
    f.repos.profiles().save(c.id(), p);

    job.run(JobsFixture.period(JobsFixture.NOW));

    assertThat(f.repos.badges().ofMember(c.id(), p.memberId())).isEmpty();
  }
}
