package io.arrakis.domain.alerts;

import io.arrakis.domain.common.MemberId;
import java.time.Instant;

/** A member's notification preferences and weekly counter (spec §13.1). */
public record AlertPreferences(
    MemberId memberId,
    boolean positionUpdates,
    boolean atRiskWarnings,
    boolean naibAlerts,
    AlertFrequency frequency,
    int alertsSentThisWeek,
    Instant weekStart) {

  /** Created at onboarding: all toggles on, the community's default frequency. */
  public static AlertPreferences defaults(
      MemberId memberId, AlertFrequency frequency, Instant weekStart) {
    return new AlertPreferences(memberId, true, true, true, frequency, 0, weekStart);
  }

  public boolean isOn(AlertToggle toggle) {
    return switch (toggle) {
      case POSITION_UPDATES -> positionUpdates;
      case AT_RISK_WARNINGS -> atRiskWarnings;
      case NAIB_ALERTS -> naibAlerts;
    };
  }

  public AlertPreferences withToggle(AlertToggle toggle, boolean on) {
    return new AlertPreferences(
        memberId,
        toggle == AlertToggle.POSITION_UPDATES ? on : positionUpdates,
        toggle == AlertToggle.AT_RISK_WARNINGS ? on : atRiskWarnings,
        toggle == AlertToggle.NAIB_ALERTS ? on : naibAlerts,
        frequency,
        alertsSentThisWeek,
        weekStart);
  }

  public AlertPreferences withFrequency(AlertFrequency newFrequency) {
    return new AlertPreferences(
        memberId,
        positionUpdates,
        atRiskWarnings,
        naibAlerts,
        newFrequency,
        alertsSentThisWeek,
        weekStart);
  }

  /** "Disable all" turns off the three toggles; critical alerts still arrive. */
  public AlertPreferences allDisabled() {
    return new AlertPreferences(
        memberId, false, false, false, frequency, alertsSentThisWeek, weekStart);
  }

  /** After a delivered alert: only non-critical alerts count against the cap. */
  public AlertPreferences afterDelivery(AlertType type) {
    return type.critical()
        ? this
        : new AlertPreferences(
            memberId,
            positionUpdates,
            atRiskWarnings,
            naibAlerts,
            frequency,
            alertsSentThisWeek + 1,
            weekStart);
  }

  /** Monday 00:00 UTC reset. */
  public AlertPreferences weeklyReset(Instant newWeekStart) {
    return new AlertPreferences(
        memberId, positionUpdates, atRiskWarnings, naibAlerts, frequency, 0, newWeekStart);
  }
}
