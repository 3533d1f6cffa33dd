package io.arrakis.domain.community;

import io.arrakis.domain.common.Decision;
import io.arrakis.domain.roles.RoleKey;

/**
 * Validation of a configuration draft before deploy (spec §15.12 "Validation errors"). Returns the
 * first problem found, in the order the wizard asks for the values.
 */
public final class CommunityConfigValidator {
  private CommunityConfigValidator() {}

  public static Decision validateToken(TokenConfig token) {
    if (token.tokenAddress().isEmpty()) {
      return Decision.rejected("INVALID_ADDRESS", "The token address is missing or invalid.");
    }
    if (token.decimals() < 0 || token.decimals() > 36) {
      return Decision.rejected("INVALID_DECIMALS", "Token decimals must be between 0 and 36.");
    }
    if (token.scanStartBlock() < 0) {
      return Decision.rejected("INVALID_START_BLOCK", "The scan start block can't be negative.");
    }
    return Decision.allowed();
  }

  public static Decision validateRules(EligibilityRules rules) {
    if (rules.eligibleCount() < 1) {
      return Decision.rejected("INVALID_ELIGIBLE_COUNT", "The eligible count must be at least 1.");
    }
    if (rules.naibSeats() < 1 || rules.naibSeats() > rules.eligibleCount()) {
      return Decision.rejected("INVALID_SEATS", "Seats must be between 1 and the eligible count.");
    }
    if (rules.waitlistMin() <= rules.eligibleCount()) {
      return Decision.rejected(
          "INVALID_WAITLIST", "The waitlist must start after the eligible ranks.");
    }
    if (rules.waitlistMax() < rules.waitlistMin()) {
      return Decision.rejected("INVALID_WAITLIST", "The waitlist range is empty.");
    }
    if (rules.graceHours() < 0) {
      return Decision.rejected("INVALID_GRACE", "Grace hours can't be negative.");
    }
    if (rules.atRiskBand() < 0 || rules.atRiskBand() > rules.eligibleCount()) {
      return Decision.rejected(
          "INVALID_AT_RISK_BAND", "The at-risk band must lie within the eligible ranks.");
    }
    return Decision.allowed();
  }

  /** Everything the deploy step needs, including the required roles and channels. */
  public static Decision validateForDeploy(CommunityConfig config) {
    Decision token = validateToken(config.token());
    if (!token.isAllowed()) {
      return token;
    }
    Decision rules = validateRules(config.eligibility());
    if (!rules.isAllowed()) {
      return rules;
    }
    if (!config.tierThresholds().isStrictlyIncreasingAndPositive()) {
      return Decision.rejected(
          "INVALID_THRESHOLDS", "Tier thresholds must be positive and strictly increasing.");
    }
    for (RoleKey required : new RoleKey[] {RoleKey.NAIB, RoleKey.FEDAYKIN}) {
      if (!config.roles().configuredKeys().contains(required)) {
        return Decision.rejected("MISSING_ROLE", "The " + required.key() + " role is required.");
      }
    }
    if (config.channels().theDoor().isEmpty() || config.channels().census().isEmpty()) {
      return Decision.rejected("MISSING_CHANNEL", "The the-door and census channels are required.");
    }
    return Decision.allowed();
  }
}
