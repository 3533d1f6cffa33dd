package io.arrakis.bot.jobs;

import io.arrakis.bot.Transactions;
import io.arrakis.bot.events.MemberReconciliation;
import io.arrakis.bot.sync.AlertDelivery;
import io.arrakis.discord.action.DiscordActions;
import io.arrakis.domain.port.MemberRoles;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.port.WeeklyDigestRepository;
import java.time.Clock;
import java.util.List;

/** The scheduled jobs of spec §18 that live in this package, wired over the same ports. */
public final class SietchJobs {
  private SietchJobs() {}

  /** verification-expiry, activity-decay, badge-check, weekly-digest and weekly-reset. */
  public static List<ScheduledJob> standard(
      Repositories repositories,
      WeeklyDigestRepository digests,
      DiscordActions actions,
      MemberRoles memberRoles,
      Transactions transactions,
      Clock clock) {
    CommunitySweep sweep =
        new CommunitySweep(
            repositories.communities(), repositories.auditLog(), transactions, clock);
    return List.of(
        new VerificationExpiryJob(sweep, repositories.verificationSessions(), clock),
        new ActivityDecayJob(sweep, repositories.activity(), clock),
        new BadgeCheckJob(
            sweep,
            repositories.profiles(),
            repositories.badges(),
            repositories.activity(),
            repositories.auditLog(),
            new BadgeAwardAlerts(new AlertDelivery(repositories), actions),
            memberRoles,
            new MemberReconciliation(repositories),
            actions,
            clock),
        new WeeklyDigestJob(sweep, repositories, digests, actions, clock),
        new WeeklyResetJob(
            sweep, repositories.alerts(), repositories.activity(), repositories.auditLog(), clock));
  }
}
