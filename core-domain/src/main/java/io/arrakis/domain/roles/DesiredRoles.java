package io.arrakis.domain.roles;

import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The desired managed roles of one guild member (spec §4.3, dynamic roles §12). Naib follows the
 * seat; Fedaykin needs an eligible wallet and no seat; tier roles are cumulative for a ranked
 * wallet; the social roles follow badges, activity and tenure.
 */
public final class DesiredRoles {
  public static final int ENGAGED_BADGES = 5;
  public static final BigDecimal ENGAGED_ACTIVITY = BigDecimal.valueOf(200);
  public static final int TRUSTED_BADGES = 10;
  public static final Duration VETERAN_AGE = Duration.ofDays(90);

  private final TierPolicy tiers;

  public DesiredRoles(TierPolicy tiers) {
    this.tiers = tiers;
  }

  public Set<RoleKey> of(RoleFacts facts, Instant now) {
    EnumSet<RoleKey> desired = EnumSet.noneOf(RoleKey.class);
    if (facts.holdsSeat()) {
      desired.add(RoleKey.NAIB);
    } else {
      if (facts.walletEntry().map(RankingEntry::eligible).orElse(false)) {
        desired.add(RoleKey.FEDAYKIN);
      }
      if (facts.formerNaib()) {
        desired.add(RoleKey.FORMER_NAIB);
      }
    }
    facts
        .walletEntry()
        .filter(RankingEntry::isRanked)
        .ifPresent(
            entry -> {
              for (Tier tier : Tier.balanceTiers()) {
                if (tiers.meets(entry.balance(), tier)) {
                  desired.add(RoleKey.ofBalanceTier(tier));
                }
              }
            });
    if (facts.waitlistWaiting() && facts.profile().isEmpty()) {
      desired.add(RoleKey.TAQWA);
    }
    facts
        .profile()
        .ifPresent(
            p -> {
              desired.add(RoleKey.ONBOARDED);
              if (p.holdsWaterSharerBadge()) {
                desired.add(RoleKey.WATER_SHARER);
              }
              if (p.activeBadgeCount() >= ENGAGED_BADGES
                  || p.activityBalance().compareTo(ENGAGED_ACTIVITY) >= 0) {
                desired.add(RoleKey.ENGAGED);
              }
              if (Duration.between(p.createdAt(), now).compareTo(VETERAN_AGE) >= 0) {
                desired.add(RoleKey.VETERAN);
              }
              if (p.activeBadgeCount() >= TRUSTED_BADGES || p.holdsHelperBadge()) {
                desired.add(RoleKey.TRUSTED);
              }
            });
    return desired;
  }
}
