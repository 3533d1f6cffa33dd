package io.arrakis.domain.alerts;

import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.eligibility.RankingEntry;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The rank-driven alert triggers of spec §13.2: {@code position_update} and {@code
 * at_risk_warning}.
 */
public final class PositionAlerts {
  private final EligibilityRules rules;

  public PositionAlerts(EligibilityRules rules) {
    this.rules = rules;
  }

  /** Rank changed since the previous sync (both rankings rank the wallet). */
  public Optional<Alert.PositionUpdate> positionUpdate(
      Optional<RankingEntry> before, RankingEntry now, Ranking ranking) {
    if (before.isEmpty() || before.get().rank().isEmpty() || now.rank().isEmpty()) {
      return Optional.empty();
    }
    int previous = before.get().rank().getAsInt();
    int rank = now.rank().getAsInt();
    if (previous == rank) {
      return Optional.empty();
    }
    return Optional.of(
        new Alert.PositionUpdate(
            rank,
            previous,
            now.balance(),
            toPassAbove(now, ranking),
            bufferBelow(now, ranking),
            now.eligible()));
  }

  /** In the at-risk band and either just entered it or the rank worsened. */
  public Optional<Alert.AtRiskWarning> atRisk(
      Optional<RankingEntry> before, RankingEntry now, Ranking ranking) {
    if (now.rank().isEmpty() || !rules.isAtRiskRank(now.rank().getAsInt())) {
      return Optional.empty();
    }
    int rank = now.rank().getAsInt();
    Optional<Integer> previous =
        before.flatMap(
            b -> b.rank().isPresent() ? Optional.of(b.rank().getAsInt()) : Optional.empty());
    boolean justEntered = previous.map(p -> !rules.isAtRiskRank(p)).orElse(true);
    boolean worsened = previous.map(p -> rank > p).orElse(false);
    if (!justEntered && !worsened) {
      return Optional.empty();
    }
    int positions = rules.eligibleCount() - rank + 1;
    return Optional.of(
        new Alert.AtRiskWarning(
            rank, positions, bufferBelow(now, ranking), RiskLevel.of(positions)));
  }

  /** Distance to pass the rank above: their balance − yours (ties are broken by address). */
  static Optional<BigInteger> toPassAbove(RankingEntry now, Ranking ranking) {
    int rank = now.rank().getAsInt();
    return ranking.atRank(rank - 1).map(above -> above.balance().subtract(now.balance()));
  }

  static Optional<BigInteger> bufferBelow(RankingEntry now, Ranking ranking) {
    int rank = now.rank().getAsInt();
    return ranking.atRank(rank + 1).map(below -> now.balance().subtract(below.balance()));
  }
}
