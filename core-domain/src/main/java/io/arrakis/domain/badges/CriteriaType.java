package io.arrakis.domain.badges;

/** Automatic award criteria (spec §9.1, {@code badges.criteria_type}); manual badges have none. */
public enum CriteriaType {
  TENURE_OG,
  TENURE_DAYS,
  ACTIVITY_PEAK,
  BADGE_COUNT,
  TIER,
  ONBOARDING_ORDER
}
