package io.arrakis.domain.community;

/** How the bot shares role management with an incumbent bot (spec §15.18). */
public enum CoexistenceMode {
  /** Computes and compares, writes no role at all. */
  SHADOW,
  /** Writes namespaced copies of seat and chain roles and the other managed roles normally. */
  PARALLEL,
  /** As parallel; channel gating uses the bot's namespaced roles. */
  PRIMARY,
  /** The bot alone manages the configured roles. */
  EXCLUSIVE;

  public boolean writesRoles() {
    return this != SHADOW;
  }

  public boolean usesNamespacedRoles() {
    return this == PARALLEL || this == PRIMARY;
  }

  public boolean recordsShadowComparison() {
    return this == SHADOW || this == PARALLEL;
  }
}
