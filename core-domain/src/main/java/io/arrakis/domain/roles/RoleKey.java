package io.arrakis.domain.roles;

import io.arrakis.domain.tiers.Tier;
import java.util.Arrays;
import java.util.Optional;

/** The managed roles of the role catalogue (spec §4.3) and their removal class. */
public enum RoleKey {
  NAIB("naib", RoleClass.SEAT, true),
  FEDAYKIN("fedaykin", RoleClass.CHAIN, true),
  FORMER_NAIB("former_naib", RoleClass.SEAT, false),
  TAQWA("taqwa", RoleClass.WAITLIST, false),
  WATER_SHARER("water_sharer", RoleClass.SOCIAL, false),
  ONBOARDED("onboarded", RoleClass.SOCIAL, false),
  ENGAGED("engaged", RoleClass.SOCIAL, false),
  VETERAN("veteran", RoleClass.SOCIAL, false),
  TRUSTED("trusted", RoleClass.SOCIAL, false),
  HAJRA("hajra", RoleClass.CHAIN, true),
  ICHWAN("ichwan", RoleClass.CHAIN, true),
  QANAT("qanat", RoleClass.CHAIN, true),
  SIHAYA("sihaya", RoleClass.CHAIN, true),
  MUSHTAMAL("mushtamal", RoleClass.CHAIN, true),
  SAYYADINA("sayyadina", RoleClass.CHAIN, true),
  USUL("usul", RoleClass.CHAIN, true);

  private final String key;
  private final RoleClass roleClass;
  private final boolean namespacedInParallel;

  RoleKey(String key, RoleClass roleClass, boolean namespacedInParallel) {
    this.key = key;
    this.roleClass = roleClass;
    this.namespacedInParallel = namespacedInParallel;
  }

  public String key() {
    return key;
  }

  public RoleClass roleClass() {
    return roleClass;
  }

  /**
   * Seat and chain roles ({@code naib}, {@code fedaykin}, tier roles) are written as namespaced
   * copies in parallel and primary modes (spec §4.4, §15.18); Former Naib is a seat-class role but
   * not one of those.
   */
  public boolean namespacedInParallel() {
    return namespacedInParallel;
  }

  public static Optional<RoleKey> fromKey(String key) {
    return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
  }

  /** The cumulative tier role of a balance tier. */
  public static RoleKey ofBalanceTier(Tier tier) {
    if (!tier.isBalanceTier()) {
      throw new IllegalArgumentException(tier + " has no tier role");
    }
    return valueOf(tier.name());
  }
}
