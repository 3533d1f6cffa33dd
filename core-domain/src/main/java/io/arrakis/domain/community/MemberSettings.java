package io.arrakis.domain.community;

import io.arrakis.domain.alerts.AlertFrequency;
import java.time.LocalDate;

/** Profile, tenure and alert settings of spec §2. */
public record MemberSettings(
    LocalDate launchDate,
    int ogWindowDays,
    int nymChangeCooldownDays,
    int bioMaxLength,
    AlertFrequency defaultAlertFrequency,
    int naibThreatMarginPct,
    int commandCooldownSeconds) {

  public static final LocalDate SIETCH_LAUNCH = LocalDate.of(2025, 1, 1);

  public static MemberSettings sietchDefaults() {
    return new MemberSettings(SIETCH_LAUNCH, 30, 30, 160, AlertFrequency.THREE_PER_WEEK, 10, 3);
  }
}
