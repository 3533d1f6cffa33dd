package io.arrakis.domain.alerts;

import io.arrakis.domain.common.Decision;
import java.util.Optional;

/**
 * Whether an alert may be sent (spec §13.2 "Gating"): a non-critical alert is skipped if its toggle
 * is off or the weekly cap is reached; a critical alert with a toggle is skipped only if the toggle
 * is off; a critical alert without a toggle is always sent.
 */
public final class AlertGate {
  public static final String TOGGLE_OFF = "ALERT_TOGGLE_OFF";
  public static final String WEEKLY_CAP = "ALERT_WEEKLY_CAP";

  private AlertGate() {}

  /**
   * @param preferences the member's preferences; empty for alerts to linked users without a profile
   *     (only alerts without a toggle reach them)
   */
  public static Decision decide(AlertType type, Optional<AlertPreferences> preferences) {
    if (preferences.isEmpty()) {
      return type.toggle().isEmpty() || type.critical()
          ? Decision.allowed()
          : Decision.rejected(TOGGLE_OFF, "No preferences: only critical alerts are sent.");
    }
    AlertPreferences prefs = preferences.get();
    if (type.toggle().isPresent() && !prefs.isOn(type.toggle().get())) {
      return Decision.rejected(TOGGLE_OFF, type.id() + " is switched off.");
    }
    if (!type.critical() && prefs.alertsSentThisWeek() >= prefs.frequency().weeklyCap()) {
      return Decision.rejected(
          WEEKLY_CAP,
          "Weekly cap of " + prefs.frequency().weeklyCap() + " non-critical alerts reached.");
    }
    return Decision.allowed();
  }
}
