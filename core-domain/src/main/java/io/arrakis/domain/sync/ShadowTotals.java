package io.arrakis.domain.sync;

import java.util.Optional;

/** The sum of the shadow comparisons over a period (spec §15.18 readiness). */
public record ShadowTotals(long membersCompared, long membersMatched) {
  public static final ShadowTotals NONE = new ShadowTotals(0, 0);

  public ShadowTotals {
    if (membersCompared < 0 || membersMatched < 0 || membersMatched > membersCompared) {
      throw new IllegalArgumentException(
          "invalid totals: " + membersMatched + " of " + membersCompared);
    }
  }

  /** Matched ÷ compared, or empty when nothing was compared. */
  public Optional<Double> accuracy() {
    return membersCompared == 0
        ? Optional.empty()
        : Optional.of((double) membersMatched / membersCompared);
  }
}
