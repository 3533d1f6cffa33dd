package io.arrakis.bot.jobs;

import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.activity.ActivityLedger;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.port.ActivityRepository;
import io.arrakis.domain.port.AlertRepository;
import io.arrakis.domain.port.AuditLogRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code weekly-reset} (spec §13.1, §18): Monday 00:00 UTC, after that Monday's digest (which reads
 * the weekly points), zeroes {@code alerts_sent_this_week} and {@code points_this_week} and sets
 * the week start to the Monday of the period; audit {@code weekly_reset}.
 */
public final class WeeklyResetJob implements ScheduledJob {
  public static final String NAME = "weekly-reset";

  private final CommunitySweep sweep;
  private final AlertRepository alerts;
  private final ActivityRepository activity;
  private final AuditLogRepository auditLog;
  private final Clock clock;

  public WeeklyResetJob(
      CommunitySweep sweep,
      AlertRepository alerts,
      ActivityRepository activity,
      AuditLogRepository auditLog,
      Clock clock) {
    this.sweep = sweep;
    this.alerts = alerts;
    this.activity = activity;
    this.auditLog = auditLog;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String cron() {
    return "0 0 * * 1";
  }

  @Override
  public Duration maxDuration() {
    return Duration.ofSeconds(60);
  }

  @Override
  public Optional<String> after() {
    return Optional.of(WeeklyDigestJob.NAME);
  }

  @Override
  public JobResult run(JobPeriod period) {
    Instant weekStart = WeeklyDigestJob.mondayOf(period.start());
    return sweep.run(
        NAME,
        period,
        (community, tally) -> {
          int preferences = 0;
          for (AlertPreferences p : alerts.allPreferences(community.id())) {
            alerts.savePreferences(community.id(), p.weeklyReset(weekStart));
            preferences++;
          }
          int balances = 0;
          for (ActivityBalance a : activity.all(community.id())) {
            if (a.pointsThisWeek().signum() != 0) {
              activity.save(community.id(), ActivityLedger.weeklyReset(a));
              balances++;
            }
          }
          auditLog.append(
              community.id(),
              AuditEvent.system(
                  AuditType.WEEKLY_RESET,
                  "week_start",
                  weekStart,
                  "preferences",
                  preferences,
                  "balances",
                  balances),
              clock.instant());
          tally.add("preferences", preferences);
          tally.add("balances", balances);
        });
  }
}
