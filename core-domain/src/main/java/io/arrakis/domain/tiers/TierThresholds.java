package io.arrakis.domain.tiers;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Minimum balances of the seven balance tiers in token units (spec §2: "strictly increasing, token
 * units"). Validation of a draft lives in {@code CommunityConfigValidator}; this record only
 * refuses a map that does not name every balance tier.
 */
public record TierThresholds(Map<Tier, BigDecimal> minimums) {

  public TierThresholds {
    EnumMap<Tier, BigDecimal> copy = new EnumMap<>(Tier.class);
    copy.putAll(minimums);
    for (Tier tier : Tier.values()) {
      if (tier.isBalanceTier() != copy.containsKey(tier)) {
        throw new IllegalArgumentException("thresholds must name exactly the balance tiers");
      }
    }
    minimums = Collections.unmodifiableMap(copy);
  }

  /** Hajra 6.9, Ichwan 69, Qanat 222, Sihaya 420, Mushtamal 690, Sayyadina 888, Usul 1111. */
  public static TierThresholds sietchDefaults() {
    EnumMap<Tier, BigDecimal> m = new EnumMap<>(Tier.class);
    m.put(Tier.HAJRA, new BigDecimal("6.9"));
    m.put(Tier.ICHWAN, new BigDecimal("69"));
    m.put(Tier.QANAT, new BigDecimal("222"));
    m.put(Tier.SIHAYA, new BigDecimal("420"));
    m.put(Tier.MUSHTAMAL, new BigDecimal("690"));
    m.put(Tier.SAYYADINA, new BigDecimal("888"));
    m.put(Tier.USUL, new BigDecimal("1111"));
    return new TierThresholds(m);
  }

  public BigDecimal minimumOf(Tier balanceTier) {
    BigDecimal min = minimums.get(balanceTier);
    if (min == null) {
      throw new IllegalArgumentException(balanceTier + " is not a balance tier");
    }
    return min;
  }

  /** True when every threshold is positive and each is strictly above the one below it. */
  public boolean isStrictlyIncreasingAndPositive() {
    BigDecimal previous = BigDecimal.ZERO;
    for (Tier tier : Tier.balanceTiers()) {
      BigDecimal min = minimums.get(tier);
      if (min.compareTo(previous) <= 0) {
        return false;
      }
      previous = min;
    }
    return true;
  }
}
