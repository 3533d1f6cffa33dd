package io.arrakis.domain.port;

/**
 * Every repository port in one value, so use cases and the app's wiring take one parameter.
 * Implementations: PostgreSQL (Jdbi) in {@code adapter-postgres}, in-memory fakes in {@code
 * testkit}.
 */
public record Repositories(
    CommunityRepository communities,
    EligibilityRepository eligibility,
    WalletLinkRepository walletLinks,
    ProfileRepository profiles,
    SeatRepository seats,
    BadgeRepository badges,
    WaterGrantRepository waterGrants,
    ActivityRepository activity,
    AlertRepository alerts,
    AuditLogRepository auditLog,
    RoleRevocationRepository roleRevocations,
    WaitlistRepository waitlist,
    TierHistoryRepository tierHistory,
    VerificationSessionRepository verificationSessions,
    MigrationRepository migrations) {

  /** The same repositories with another eligibility repository (e.g. a caching decorator). */
  public Repositories withEligibility(EligibilityRepository replacement) {
    return new Repositories(
        communities,
        replacement,
        walletLinks,
        profiles,
        seats,
        badges,
        waterGrants,
        activity,
        alerts,
        auditLog,
        roleRevocations,
        waitlist,
        tierHistory,
        verificationSessions,
        migrations);
  }
}
