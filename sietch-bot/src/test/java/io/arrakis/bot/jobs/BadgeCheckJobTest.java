package io.arrakis.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.sync.AlertDelivery;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.alerts.AlertType;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.profile.Profile;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BadgeCheckJobTest {
  private final JobsFixture f = new JobsFixture();
  private final BadgeCheckJob job =
      new BadgeCheckJob(
          f.sweep,
          f.repos.profiles(),
          f.repos.badges(),
          f.repos.activity(),
          f.repos.auditLog(),
          new BadgeAwardAlerts(new AlertDelivery(f.repos.asRepositories()), f.actions),
          f.clock);

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
