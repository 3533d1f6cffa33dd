package io.arrakis.domain.tiers;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The nine tiers of spec §4.1, in order (a promotion is a move to a higher order). */
public enum Tier {
  HAJRA(1, "hajra", "Hajra", "💧"),
  ICHWAN(2, "ichwan", "Ichwan", "💧"),
  QANAT(3, "qanat", "Qanat", "💧"),
  SIHAYA(4, "sihaya", "Sihaya", "💧"),
  MUSHTAMAL(5, "mushtamal", "Mushtamal", "💧"),
  SAYYADINA(6, "sayyadina", "Sayyadina", "💧"),
  USUL(7, "usul", "Usul", "🌟"),
  FEDAYKIN(8, "fedaykin", "Fedaykin", "⚔️"),
  NAIB(9, "naib", "Naib", "👑");

  private final int order;
  private final String id;
  private final String displayName;
  private final String emoji;

  Tier(int order, String id, String displayName, String emoji) {
    this.order = order;
    this.id = id;
    this.displayName = displayName;
    this.emoji = emoji;
  }

  public int order() {
    return order;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public String emoji() {
    return emoji;
  }

  /** Hajra … Usul: decided by balance thresholds. Fedaykin and Naib are rank-based. */
  public boolean isBalanceTier() {
    return order <= USUL.order;
  }

  public boolean isAbove(Tier other) {
    return order > other.order;
  }

  public static List<Tier> balanceTiers() {
    return Arrays.stream(values()).filter(Tier::isBalanceTier).toList();
  }

  public static Optional<Tier> fromId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }

  /** The next tier up, empty for Naib. */
  public Optional<Tier> next() {
    return this == NAIB ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
  }
}
