package io.arrakis.domain.badges;

import java.util.List;
import java.util.Optional;

/** The catalogue seeded per community from the Sietch preset (spec §9.1). */
public final class BadgeCatalogue {
  public static final String OG = "og";
  public static final String VETERAN = "veteran";
  public static final String ELDER = "elder";
  public static final String CONSISTENT = "consistent";
  public static final String DEDICATED = "dedicated";
  public static final String DEVOTED = "devoted";
  public static final String HELPER = "helper";
  public static final String CONTRIBUTOR = "contributor";
  public static final String FOUNDING_FEDAYKIN = "founding-fedaykin";
  public static final String FOUNDING_NAIB = "founding-naib";
  public static final String WATER_SHARER = "water-sharer";
  public static final String USUL_ASCENDED = "usul-ascended";

  private BadgeCatalogue() {}

  public static List<BadgeDefinition> sietch(int eligibleCount) {
    return List.of(
        auto(
            OG,
            "OG",
            "Joined within 30 days of launch",
            BadgeCategory.TENURE,
            "🏜️",
            CriteriaType.TENURE_OG,
            "30",
            1),
        auto(
            VETERAN,
            "Veteran",
            "90 days in the sietch",
            BadgeCategory.TENURE,
            "🎖️",
            CriteriaType.TENURE_DAYS,
            "90",
            2),
        auto(
            ELDER,
            "Elder",
            "180 days in the sietch",
            BadgeCategory.TENURE,
            "🧓",
            CriteriaType.TENURE_DAYS,
            "180",
            3),
        auto(
            CONSISTENT,
            "Consistent",
            "Reached 100 activity",
            BadgeCategory.ENGAGEMENT,
            "🔥",
            CriteriaType.ACTIVITY_PEAK,
            "100",
            4),
        auto(
            DEDICATED,
            "Dedicated",
            "Reached 250 activity",
            BadgeCategory.ENGAGEMENT,
            "⚡",
            CriteriaType.ACTIVITY_PEAK,
            "250",
            5),
        auto(
            DEVOTED,
            "Devoted",
            "Reached 500 activity",
            BadgeCategory.ENGAGEMENT,
            "💎",
            CriteriaType.ACTIVITY_PEAK,
            "500",
            6),
        manual(HELPER, "Helper", "Helps others in the sietch", BadgeCategory.CONTRIBUTION, "🤝", 7),
        manual(
            CONTRIBUTOR,
            "Contributor",
            "Contributed to the sietch",
            BadgeCategory.CONTRIBUTION,
            "🛠️",
            8),
        auto(
            FOUNDING_FEDAYKIN,
            "Founding Fedaykin",
            "One of the first members",
            BadgeCategory.SPECIAL,
            "⚔️",
            CriteriaType.ONBOARDING_ORDER,
            Integer.toString(eligibleCount),
            9),
        manual(
            FOUNDING_NAIB,
            "Founding Naib",
            "Sat on the founding council",
            BadgeCategory.SPECIAL,
            "👑",
            10),
        manual(
            WATER_SHARER,
            "Water Sharer",
            "Shares water with the tribe",
            BadgeCategory.CONTRIBUTION,
            "💧",
            11),
        auto(
            USUL_ASCENDED,
            "Usul Ascended",
            "Reached the Usul tier",
            BadgeCategory.SPECIAL,
            "🌟",
            CriteriaType.TIER,
            "usul",
            12));
  }

  private static BadgeDefinition auto(
      String id,
      String name,
      String description,
      BadgeCategory category,
      String emoji,
      CriteriaType type,
      String value,
      int order) {
    return new BadgeDefinition(
        id, name, description, category, emoji, Optional.of(type), Optional.of(value), order);
  }

  private static BadgeDefinition manual(
      String id, String name, String description, BadgeCategory category, String emoji, int order) {
    return new BadgeDefinition(
        id, name, description, category, emoji, Optional.empty(), Optional.empty(), order);
  }
}
