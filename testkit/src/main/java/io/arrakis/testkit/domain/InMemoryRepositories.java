package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;

/** Fresh in-memory fakes of every repository port, typed so tests can inspect them. */
public record InMemoryRepositories(
    InMemoryCommunityRepository communities,
    InMemoryEligibilityRepository eligibility,
    InMemoryWalletLinkRepository walletLinks,
    InMemoryProfileRepository profiles,
    InMemorySeatRepository seats,
    InMemoryBadgeRepository badges,
    InMemoryWaterGrantRepository waterGrants,
    InMemoryActivityRepository activity,
    InMemoryAlertRepository alerts,
    InMemoryAuditLogRepository auditLog,
    InMemoryRoleRevocationRepository roleRevocations,
    InMemoryWaitlistRepository waitlist,
    InMemoryTierHistoryRepository tierHistory,
    InMemoryVerificationSessionRepository verificationSessions,
    InMemoryMigrationRepository migrations) {

  public static InMemoryRepositories create() {
    return new InMemoryRepositories(
        new InMemoryCommunityRepository(),
        new InMemoryEligibilityRepository(),
        new InMemoryWalletLinkRepository(),
        new InMemoryProfileRepository(),
        new InMemorySeatRepository(),
        new InMemoryBadgeRepository(),
        new InMemoryWaterGrantRepository(),
        new InMemoryActivityRepository(),
        new InMemoryAlertRepository(),
        new InMemoryAuditLogRepository(),
        new InMemoryRoleRevocationRepository(),
        new InMemoryWaitlistRepository(),
        new InMemoryTierHistoryRepository(),
        new InMemoryVerificationSessionRepository(),
        new InMemoryMigrationRepository());
  }

  /** The same fakes as the domain's {@link Repositories} bundle. */
  public Repositories asRepositories() {
    return new Repositories(
        communities,
        eligibility,
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
