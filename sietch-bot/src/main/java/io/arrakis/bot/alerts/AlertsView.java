package io.arrakis.bot.alerts;

import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.StringSelect;
import io.arrakis.domain.alerts.AlertFrequency;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.alerts.AlertToggle;
import io.arrakis.domain.common.MemberId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The "Alert Preferences" message of spec §15.10 and its controls. */
final class AlertsView {
  static final String TITLE = "Alert Preferences";
  static final String DISABLED_TITLE = "All Alerts Disabled";
  static final String FOOTER =
      "Changes apply immediately. Critical alerts are never limited by your weekly cap.";
  static final String DISABLED_DESCRIPTION =
      "Position updates, at-risk warnings and Naib alerts are off. Critical alerts still arrive:"
          + " waitlist eligibility, tier promotions, badge awards and changes to your eligibility"
          + " or access.";
  static final int COLOR = 0x3498DB;
  static final int COLOR_RED = 0xE74C3C;

  static final String TOGGLE_POSITION = "alerts_toggle_position";
  static final String TOGGLE_AT_RISK = "alerts_toggle_atrisk";
  static final String TOGGLE_NAIB = "alerts_toggle_naib";
  static final String FREQUENCY = "alerts_frequency";
  static final String DISABLE_ALL = "alerts_disable_all";

  private AlertsView() {}

  /** The custom-id prefix of a toggle's button. */
  static String prefix(AlertToggle toggle) {
    return switch (toggle) {
      case POSITION_UPDATES -> TOGGLE_POSITION;
      case AT_RISK_WARNINGS -> TOGGLE_AT_RISK;
      case NAIB_ALERTS -> TOGGLE_NAIB;
    };
  }

  /** How a toggle is named in fields, labels and confirmations. */
  static String name(AlertToggle toggle) {
    return switch (toggle) {
      case POSITION_UPDATES -> "Position updates";
      case AT_RISK_WARNINGS -> "At-risk warnings";
      case NAIB_ALERTS -> "Naib alerts";
    };
  }

  static String label(AlertFrequency frequency) {
    return switch (frequency) {
      case ONE_PER_WEEK -> "1 per week";
      case TWO_PER_WEEK -> "2 per week";
      case THREE_PER_WEEK -> "3 per week";
      case DAILY -> "Daily";
    };
  }

  /**
   * The preferences message. {@code seatHolder} shows the Naib toggle; {@code allDisabled} renders
   * the red "All Alerts Disabled" embed; {@code confirmation} is the line above the embed.
   */
  static MessagePayload render(
      AlertPreferences prefs, boolean seatHolder, boolean allDisabled, String confirmation) {
    Embed.Builder embed =
        Embed.builder()
            .title(allDisabled ? DISABLED_TITLE : TITLE)
            .color(allDisabled ? COLOR_RED : COLOR)
            .field(name(AlertToggle.POSITION_UPDATES), onOff(prefs.positionUpdates()), true)
            .field(name(AlertToggle.AT_RISK_WARNINGS), onOff(prefs.atRiskWarnings()), true);
    if (allDisabled) {
      embed.description(DISABLED_DESCRIPTION);
    }
    if (seatHolder) {
      embed.field(name(AlertToggle.NAIB_ALERTS), onOff(prefs.naibAlerts()), true);
    }
    embed
        .field(
            "Frequency",
            label(prefs.frequency())
                + " ("
                + prefs.alertsSentThisWeek()
                + "/"
                + prefs.frequency().weeklyCap()
                + " sent this week)",
            false)
        .footer(FOOTER);

    MemberId member = prefs.memberId();
    List<Button> toggles = new ArrayList<>();
    toggles.add(toggle(AlertToggle.POSITION_UPDATES, prefs, member));
    toggles.add(toggle(AlertToggle.AT_RISK_WARNINGS, prefs, member));
    if (seatHolder) {
      toggles.add(toggle(AlertToggle.NAIB_ALERTS, prefs, member));
    }
    List<StringSelect.Option> options = new ArrayList<>();
    for (AlertFrequency f : AlertFrequency.values()) {
      options.add(
          new StringSelect.Option(label(f), f.id(), Optional.empty(), f == prefs.frequency()));
    }
    return MessagePayload.builder()
        .content(confirmation)
        .embed(embed.build())
        .row(toggles.toArray(Button[]::new))
        .row(StringSelect.of(FREQUENCY + ":" + member, options).withPlaceholder("Alert frequency"))
        .row(Button.danger(DISABLE_ALL + ":" + member, "Disable all alerts"))
        .ephemeral()
        .build();
  }

  /** "Enable …" in green when off, "Disable …" in grey when on. */
  private static Button toggle(AlertToggle toggle, AlertPreferences prefs, MemberId member) {
    String id = prefix(toggle) + ":" + member;
    String what =
        switch (toggle) {
          case POSITION_UPDATES -> "position updates";
          case AT_RISK_WARNINGS -> "at-risk warnings";
          case NAIB_ALERTS -> "Naib alerts";
        };
    return prefs.isOn(toggle)
        ? Button.secondary(id, "Disable " + what)
        : Button.of(Button.Style.SUCCESS, id, "Enable " + what);
  }

  private static String onOff(boolean on) {
    return on ? "On" : "Off";
  }
}
