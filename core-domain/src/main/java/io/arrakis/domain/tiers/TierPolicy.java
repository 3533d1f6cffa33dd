package io.arrakis.domain.tiers;

import io.arrakis.domain.common.TokenAmounts;
import io.arrakis.domain.community.EligibilityRules;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code tier(entry)} of spec §4.1: rank ≤ seats → Naib; eligible → Fedaykin; positive balance →
 * highest threshold met (at least Hajra); otherwise no tier. Thresholds are compared in base units.
 */
public final class TierPolicy {
  private final EligibilityRules rules;
  private final Map<Tier, BigInteger> minimumsInBaseUnits = new EnumMap<>(Tier.class);

  public TierPolicy(EligibilityRules rules, TierThresholds thresholds, int decimals) {
    this.rules = rules;
    for (Tier tier : Tier.balanceTiers()) {
      minimumsInBaseUnits.put(tier, TokenAmounts.toBaseUnits(thresholds.minimumOf(tier), decimals));
    }
  }

  public Optional<Tier> tierOf(OptionalInt rank, boolean eligible, BigInteger balance) {
    if (rank.isPresent() && rules.isNaibRank(rank.getAsInt())) {
      return Optional.of(Tier.NAIB);
    }
    if (eligible) {
      return Optional.of(Tier.FEDAYKIN);
    }
    if (balance.signum() > 0) {
      return Optional.of(balanceTierOf(balance));
    }
    return Optional.empty();
  }

  /** Highest balance tier whose threshold the balance meets; Hajra is the floor. */
  public Tier balanceTierOf(BigInteger balance) {
    Tier result = Tier.HAJRA;
    for (Tier tier : Tier.balanceTiers()) {
      if (balance.compareTo(minimumsInBaseUnits.get(tier)) >= 0) {
        result = tier;
      }
    }
    return result;
  }

  /** Whether a balance meets a balance tier's threshold (any positive balance meets Hajra's). */
  public boolean meets(BigInteger balance, Tier balanceTier) {
    if (balanceTier == Tier.HAJRA) {
      return balance.signum() > 0;
    }
    return balance.compareTo(minimumsInBaseUnits.get(balanceTier)) >= 0;
  }

  public BigInteger minimumInBaseUnits(Tier balanceTier) {
    BigInteger min = minimumsInBaseUnits.get(balanceTier);
    if (min == null) {
      throw new IllegalArgumentException(balanceTier + " is not a balance tier");
    }
    return min;
  }

  /** Progress to the next tier (spec §4.1). */
  public TierProgress progress(Tier current, BigInteger balance) {
    if (current == Tier.NAIB) {
      return new TierProgress.Highest();
    }
    if (current == Tier.FEDAYKIN || current == Tier.USUL) {
      // above Usul the next step is rank-based: Fedaykin (eligibility) and then Naib
      return new TierProgress.RankBased(current == Tier.USUL ? Tier.FEDAYKIN : Tier.NAIB);
    }
    Tier next = current.next().orElseThrow();
    BigInteger needed = minimumInBaseUnits(next).subtract(balance).max(BigInteger.ZERO);
    return new TierProgress.ToNext(next, needed);
  }

  public EligibilityRules rules() {
    return rules;
  }
}
