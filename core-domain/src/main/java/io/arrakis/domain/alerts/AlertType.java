package io.arrakis.domain.alerts;

import java.util.Optional;

/** The ten alert types of spec §13.2 with their toggle and whether they are critical. */
public enum AlertType {
  POSITION_UPDATE("position_update", Optional.of(AlertToggle.POSITION_UPDATES), false),
  AT_RISK_WARNING("at_risk_warning", Optional.of(AlertToggle.AT_RISK_WARNINGS), false),
  NAIB_THREAT("naib_threat", Optional.of(AlertToggle.NAIB_ALERTS), false),
  NAIB_SEATED("naib_seated", Optional.of(AlertToggle.NAIB_ALERTS), true),
  NAIB_BUMP("naib_bump", Optional.of(AlertToggle.NAIB_ALERTS), true),
  WAITLIST_ELIGIBLE("waitlist_eligible", Optional.empty(), true),
  TIER_PROMOTION("tier_promotion", Optional.empty(), true),
  BADGE_AWARD("badge_award", Optional.empty(), true),
  ELIGIBILITY_LOST("eligibility_lost", Optional.empty(), true),
  ACCESS_REVOKED("access_revoked", Optional.empty(), true);

  private final String id;
  private final Optional<AlertToggle> toggle;
  private final boolean critical;

  AlertType(String id, Optional<AlertToggle> toggle, boolean critical) {
    this.id = id;
    this.toggle = toggle;
    this.critical = critical;
  }

  public String id() {
    return id;
  }

  /** The preference that can switch this type off; empty = always sent. */
  public Optional<AlertToggle> toggle() {
    return toggle;
  }

  /** Critical alerts bypass the weekly cap (and are not counted against it). */
  public boolean critical() {
    return critical;
  }
}
