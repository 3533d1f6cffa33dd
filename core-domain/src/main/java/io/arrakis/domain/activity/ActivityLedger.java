package io.arrakis.domain.activity;

import io.arrakis.domain.community.ActivitySettings;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Activity points and demurrage (spec §11): the balance decays by the rate for every whole period
 * since {@code last_decay_at} (which advances by those periods); pending decay is applied before
 * any read or change. Increments also track lifetime totals, the peak, weekly points and streaks.
 */
public final class ActivityLedger {
  /** Balances are kept with 6 decimals; the database column is an unbounded numeric. */
  public static final int SCALE = 6;

  private final ActivitySettings settings;

  public ActivityLedger(ActivitySettings settings) {
    this.settings = settings;
  }

  /** Applies the pending decay: balance × (1 − rate)^k for k whole periods. */
  public ActivityBalance decayed(ActivityBalance a, Instant now) {
    Duration period = Duration.ofHours(settings.decayPeriodHours());
    long elapsed = Duration.between(a.lastDecayAt(), now).toMillis();
    long k = elapsed <= 0 ? 0 : elapsed / period.toMillis();
    if (k == 0) {
      return a;
    }
    BigDecimal factor =
        BigDecimal.ONE
            .subtract(settings.decayRate())
            .pow((int) Math.min(k, 10_000), MathContext.DECIMAL64);
    BigDecimal balance = a.balance().multiply(factor).setScale(SCALE, RoundingMode.HALF_EVEN);
    return new ActivityBalance(
        a.memberId(),
        balance,
        a.lastDecayAt().plus(period.multipliedBy(k)),
        a.totalMessages(),
        a.totalReactionsGiven(),
        a.totalReactionsReceived(),
        a.lastActiveAt(),
        a.peakBalance(),
        a.pointsThisWeek(),
        a.currentStreakDays(),
        a.longestStreakDays(),
        a.lastActiveDay());
  }

  /** Decay first, then add the points of one counted event. */
  public ActivityBalance record(ActivityBalance before, ActivityKind kind, Instant now) {
    ActivityBalance a = decayed(before, now);
    BigDecimal points =
        switch (kind) {
          case MESSAGE -> settings.pointsMessage();
          case REACTION_GIVEN -> settings.pointsReactionGiven();
          case REACTION_RECEIVED -> settings.pointsReactionReceived();
        };
    BigDecimal balance = a.balance().add(points).setScale(SCALE, RoundingMode.HALF_EVEN);
    LocalDate today = ActivityBalance.utcDay(now);
    int streak;
    if (a.lastActiveDay().map(today::equals).orElse(false)) {
      streak = a.currentStreakDays();
    } else if (a.lastActiveDay().map(d -> d.plusDays(1).equals(today)).orElse(false)) {
      streak = a.currentStreakDays() + 1;
    } else {
      streak = 1;
    }
    return new ActivityBalance(
        a.memberId(),
        balance,
        a.lastDecayAt(),
        a.totalMessages() + (kind == ActivityKind.MESSAGE ? 1 : 0),
        a.totalReactionsGiven() + (kind == ActivityKind.REACTION_GIVEN ? 1 : 0),
        a.totalReactionsReceived() + (kind == ActivityKind.REACTION_RECEIVED ? 1 : 0),
        Optional.of(now),
        a.peakBalance().max(balance),
        a.pointsThisWeek().add(points),
        streak,
        Math.max(a.longestStreakDays(), streak),
        Optional.of(today));
  }

  /** Monday 00:00 UTC: weekly points back to zero. */
  public static ActivityBalance weeklyReset(ActivityBalance a) {
    return new ActivityBalance(
        a.memberId(),
        a.balance(),
        a.lastDecayAt(),
        a.totalMessages(),
        a.totalReactionsGiven(),
        a.totalReactionsReceived(),
        a.lastActiveAt(),
        a.peakBalance(),
        BigDecimal.ZERO,
        a.currentStreakDays(),
        a.longestStreakDays(),
        a.lastActiveDay());
  }
}
