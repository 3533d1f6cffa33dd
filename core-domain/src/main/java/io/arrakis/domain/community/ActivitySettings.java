package io.arrakis.domain.community;

import java.math.BigDecimal;

/** Activity points, demurrage and anti-spam windows (spec §2, §11). */
public record ActivitySettings(
    BigDecimal pointsMessage,
    BigDecimal pointsReactionGiven,
    BigDecimal pointsReactionReceived,
    BigDecimal decayRate,
    int decayPeriodHours,
    int messageCooldownSeconds,
    int reactionCooldownSeconds) {

  public static ActivitySettings sietchDefaults() {
    return new ActivitySettings(
        BigDecimal.ONE, BigDecimal.ONE, BigDecimal.valueOf(2), new BigDecimal("0.1"), 6, 60, 5);
  }
}
