package io.arrakis.domain.alerts;

/** The three member-controlled switches of spec §13.1. */
public enum AlertToggle {
  POSITION_UPDATES,
  AT_RISK_WARNINGS,
  NAIB_ALERTS
}
