package io.arrakis.bot.jobs;

import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.activity.ActivityLedger;
import io.arrakis.domain.port.ActivityRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code activity-decay} (spec §11, §18): applies the pending demurrage to every balance above zero
 * whose last decay is at least one period old, with the domain's {@link ActivityLedger}, so
 * balances shrink even for members who stay silent.
 */
public final class ActivityDecayJob implements ScheduledJob {
  public static final String NAME = "activity-decay";

  private final CommunitySweep sweep;
  private final ActivityRepository activity;
  private final Clock clock;

  public ActivityDecayJob(CommunitySweep sweep, ActivityRepository activity, Clock clock) {
    this.sweep = sweep;
    this.activity = activity;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String cron() {
    return "30 */6 * * *";
  }

  @Override
  public Duration maxDuration() {
    return Duration.ofSeconds(300);
  }

  @Override
  public JobResult run(JobPeriod period) {
    return sweep.run(
        NAME,
        period,
        (community, tally) -> {
          ActivityLedger ledger = new ActivityLedger(community.activity());
          Instant now = clock.instant();
          for (ActivityBalance balance : activity.all(community.id())) {
            if (balance.balance().compareTo(BigDecimal.ZERO) <= 0) {
              continue;
            }
            ActivityBalance decayed = ledger.decayed(balance, now);
            // the ledger returns the same value when no whole period has passed
            if (decayed != balance) {
              activity.save(community.id(), decayed);
              tally.add("decayed", 1);
            }
          }
        });
  }
}
