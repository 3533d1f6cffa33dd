package io.arrakis.domain.badges;

import io.arrakis.domain.profile.TenureCategory;
import java.math.BigDecimal;
import java.time.Duration;

/** Whether a member meets a badge's automatic criterion (spec §9.1). Manual badges never do. */
public final class BadgeCriteria {
  private BadgeCriteria() {}

  public static boolean qualifies(BadgeDefinition badge, BadgeFacts facts) {
    if (badge.criteria().isEmpty()) {
      return false;
    }
    String value = badge.criteriaValue().orElse("0");
    return switch (badge.criteria().get()) {
      case TENURE_OG ->
          TenureCategory.isOg(facts.profileCreatedAt(), facts.launchDate(), facts.ogWindowDays());
      case TENURE_DAYS ->
          Duration.between(facts.profileCreatedAt(), facts.now())
                  .compareTo(Duration.ofDays(Long.parseLong(value)))
              >= 0;
      // the peak, so a threshold reached between daily checks still counts
      case ACTIVITY_PEAK -> facts.peakActivity().compareTo(new BigDecimal(value)) >= 0;
      case BADGE_COUNT -> facts.activeBadgeCount() >= Integer.parseInt(value);
      case TIER -> facts.tier().map(t -> t.id().equals(value)).orElse(false);
      // fewer than N profiles existed before this one: the first N members
      case ONBOARDING_ORDER -> facts.profilesBefore() < Long.parseLong(value);
    };
  }
}
