package io.arrakis.domain.community;

/**
 * The rank-based numbers of spec §2: N, seats, waitlist range, at-risk band and grace hours.
 *
 * @param eligibleCount N: ranks 1..N are eligible
 * @param naibSeats number of council seats and the rank cutoff of the Naib tier
 * @param waitlistMin first waitlist rank (must be above N)
 * @param waitlistMax last waitlist rank
 * @param atRiskBand ranks N−band+1..N are "at risk"
 * @param graceHours delay before chain-driven role removal
 */
public record EligibilityRules(
    int eligibleCount,
    int naibSeats,
    int waitlistMin,
    int waitlistMax,
    int atRiskBand,
    int graceHours) {

  public static EligibilityRules sietchDefaults() {
    return new EligibilityRules(69, 7, 70, 100, 7, 24);
  }

  public boolean isEligibleRank(int rank) {
    return rank >= 1 && rank <= eligibleCount;
  }

  public boolean isNaibRank(int rank) {
    return rank >= 1 && rank <= naibSeats;
  }

  public boolean isWaitlistRank(int rank) {
    return rank >= waitlistMin && rank <= waitlistMax;
  }

  public boolean isAtRiskRank(int rank) {
    return rank > eligibleCount - atRiskBand && rank <= eligibleCount;
  }
}
