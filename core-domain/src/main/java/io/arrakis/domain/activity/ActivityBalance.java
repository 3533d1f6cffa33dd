package io.arrakis.domain.activity;

import io.arrakis.domain.common.MemberId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** A {@code member_activity} row (spec §11). Immutable: every change returns a new value. */
public record ActivityBalance(
    MemberId memberId,
    BigDecimal balance,
    Instant lastDecayAt,
    long totalMessages,
    long totalReactionsGiven,
    long totalReactionsReceived,
    Optional<Instant> lastActiveAt,
    BigDecimal peakBalance,
    BigDecimal pointsThisWeek,
    int currentStreakDays,
    int longestStreakDays,
    Optional<LocalDate> lastActiveDay) {

  /** The row created at onboarding. */
  public static ActivityBalance start(MemberId memberId, Instant at) {
    return new ActivityBalance(
        memberId,
        BigDecimal.ZERO,
        at,
        0,
        0,
        0,
        Optional.empty(),
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        0,
        0,
        Optional.empty());
  }

  /** The current streak as read on {@code today}: it must end today or yesterday, else it is 0. */
  public int currentStreakOn(LocalDate today) {
    return lastActiveDay
        .filter(d -> !d.isBefore(today.minusDays(1)))
        .map(d -> currentStreakDays)
        .orElse(0);
  }

  static LocalDate utcDay(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
