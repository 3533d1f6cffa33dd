package io.arrakis.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.ChannelConfig;
import io.arrakis.domain.community.CommunityConfig;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeeklyDigestJobTest {
  private final JobsFixture f = new JobsFixture();
  private final WeeklyDigestJob job =
      new WeeklyDigestJob(f.sweep, f.repos.asRepositories(), f.digests, f.actions, f.clock);

  private CommunityConfig withAnnouncements(long channel) {
    CommunityConfig c =
        f.community()
            .withChannels(
                new ChannelConfig(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(new Snowflake(channel)),
                    Set.of()));
    f.repos.communities().save(c);
    return c;
  }

  @Test
  void weekIdIsTheIsoWeekOfTheSevenDaysBeforeTheMonday() {
    assertThat(WeeklyDigestJob.weekId(Instant.parse("2025-06-09T00:00:00Z"))).isEqualTo("2025-W23");
    assertThat(WeeklyDigestJob.weekId(Instant.parse("2021-01-04T00:00:00Z"))).isEqualTo("2020-W53");
    assertThat(WeeklyDigestJob.mondayOf(Instant.parse("2025-06-11T15:00:00Z")))
        .isEqualTo(Instant.parse("2025-06-09T00:00:00Z"));
  }

  @Test
  void givenAnAnnouncementsChannel_thenTheDigestIsPostedOnceAndStored() {
    CommunityConfig c = withAnnouncements(777);
    f.member(c, "newcomer", 3);
    f.member(c, "elder", 300);

    JobResult first = job.run(JobsFixture.period(JobsFixture.NOW));
    JobResult rerun = job.run(JobsFixture.period(JobsFixture.NOW));

    assertThat(f.actions.submitted)
        .singleElement()
        .isInstanceOfSatisfying(
            DiscordAction.PostToChannel.class,
            post -> {
              assertThat(post.channelId()).isEqualTo(777);
              assertThat(post.guild()).isEqualTo(c.guildId().value());
              assertThat(post.message().embeds().get(0).title())
                  .contains("Weekly Digest — 2025-W23");
            });
    assertThat(f.digests.find(c.id(), "2025-W23").orElseThrow().figures())
        .containsEntry("total_members", "2")
        .containsEntry("new_members", "1")
        .containsEntry("top_new_member", "newcomer");
    assertThat(first.summary()).contains("posted=1");
    assertThat(rerun.summary()).contains("skipped=1");
    assertThat(f.repos.auditLog().entries(c.id()))
        .extracting(e -> e.event().type())
        .containsExactly(AuditType.WEEKLY_DIGEST_POSTED, AuditType.WEEKLY_DIGEST_SKIPPED);
  }

  @Test
  void givenNoAnnouncementsChannel_thenTheDigestIsSkippedWithTheReason() {
    CommunityConfig c = f.community();

    job.run(JobsFixture.period(JobsFixture.NOW));

    assertThat(f.actions.submitted).isEmpty();
    assertThat(f.digests.all(c.id())).isEmpty();
    assertThat(f.repos.auditLog().entries(c.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.event().type()).isEqualTo(AuditType.WEEKLY_DIGEST_SKIPPED);
              assertThat(e.event().payload().get("reason")).contains("channel_announcements");
            });
  }
}
