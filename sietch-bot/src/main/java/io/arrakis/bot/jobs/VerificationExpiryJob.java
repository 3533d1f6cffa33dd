package io.arrakis.bot.jobs;

import io.arrakis.domain.port.VerificationSessionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code verification-expiry} (spec §7.1, §18): every five minutes, pending sessions past their
 * expiry become {@code expired}, and sessions older than 30 days are deleted.
 */
public final class VerificationExpiryJob implements ScheduledJob {
  public static final String NAME = "verification-expiry";
  static final Duration RETENTION = Duration.ofDays(30);

  private final CommunitySweep sweep;
  private final VerificationSessionRepository sessions;
  private final Clock clock;

  public VerificationExpiryJob(
      CommunitySweep sweep, VerificationSessionRepository sessions, Clock clock) {
    this.sweep = sweep;
    this.sessions = sessions;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String cron() {
    return "*/5 * * * *";
  }

  @Override
  public Duration maxDuration() {
    return Duration.ofSeconds(60);
  }

  @Override
  public JobResult run(JobPeriod period) {
    return sweep.run(
        NAME,
        period,
        (community, tally) -> {
          Instant now = clock.instant();
          tally.add("expired", sessions.expirePending(community.id(), now));
          tally.add("deleted", sessions.deleteCreatedBefore(community.id(), now.minus(RETENTION)));
        });
  }
}
