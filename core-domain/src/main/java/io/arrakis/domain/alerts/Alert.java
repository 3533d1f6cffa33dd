package io.arrakis.domain.alerts;

import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.eligibility.RemovalReason;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierProgress;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;

/** The payload of each alert type (spec §13.3). Payloads never carry a nym next to a wallet. */
public sealed interface Alert {
  AlertType type();

  /** Rank changed since the previous sync. */
  record PositionUpdate(
      int newRank,
      int previousRank,
      BigInteger balance,
      Optional<BigInteger> toPassRankAbove,
      Optional<BigInteger> bufferOverRankBelow,
      boolean eligible)
      implements Alert {
    @Override
    public AlertType type() {
      return AlertType.POSITION_UPDATE;
    }
  }

  /** In the at-risk band and just entered it or worsened. */
  record AtRiskWarning(
      int rank, int positionsAtRisk, Optional<BigInteger> bufferOverRankBelow, RiskLevel level)
      implements Alert {
    @Override
    public AlertType type() {
      return AlertType.AT_RISK_WARNING;
    }
  }

  /**
   * The holder of the lowest-balance seat is threatened. {@code challenger} is kept for the "not
   * repeated while the same candidate remains the threat" rule and is never rendered.
   */
  record NaibThreatAlert(
      int seatNumber, BigInteger yourBalance, BigInteger challengerBalance, MemberId challenger)
      implements Alert {
    @Override
    public AlertType type() {
      return AlertType.NAIB_THREAT;
    }
  }

  record NaibSeated(int seatNumber, boolean founding) implements Alert {
    @Override
    public AlertType type() {
      return AlertType.NAIB_SEATED;
    }
  }

  /** Bumped: the balance that bumped you (no nym). */
  record NaibBump(int seatNumber, BigInteger bumpingBalance) implements Alert {
    @Override
    public AlertType type() {
      return AlertType.NAIB_BUMP;
    }
  }

  record WaitlistEligible(OptionalInt rank, String truncatedWallet) implements Alert {
    @Override
    public AlertType type() {
      return AlertType.WAITLIST_ELIGIBLE;
    }
  }

  record TierPromotion(Optional<Tier> oldTier, Tier newTier, TierProgress progress)
      implements Alert {
    @Override
    public AlertType type() {
      return AlertType.TIER_PROMOTION;
    }
  }

  /** {@code sharedByNym} is set for a water-sharer badge shared by another member. */
  record BadgeAward(
      String badgeId,
      String name,
      String emoji,
      String description,
      Optional<String> reason,
      Optional<String> sharedByNym)
      implements Alert {
    @Override
    public AlertType type() {
      return AlertType.BADGE_AWARD;
    }
  }

  record EligibilityLost(OptionalInt previousRank, RemovalReason reason, int graceHours)
      implements Alert {
    @Override
    public AlertType type() {
      return AlertType.ELIGIBILITY_LOST;
    }
  }

  record AccessRevoked() implements Alert {
    @Override
    public AlertType type() {
      return AlertType.ACCESS_REVOKED;
    }
  }
}
