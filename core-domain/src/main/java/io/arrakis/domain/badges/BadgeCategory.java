package io.arrakis.domain.badges;

/** Badge categories (spec §9.1); admins may award only contribution and special badges. */
public enum BadgeCategory {
  TENURE,
  ENGAGEMENT,
  CONTRIBUTION,
  SPECIAL;

  public boolean manuallyAwardable() {
    return this == CONTRIBUTION || this == SPECIAL;
  }
}
