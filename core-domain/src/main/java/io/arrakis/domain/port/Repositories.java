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

  /** The same repositories with {@code replacement} keeping migration state and comparisons. */
  public Repositories withMigrations(MigrationRepository replacement) {
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
        replacement);
  }

  /**
   * The repositories without migration records, for callers that never migrate: every call to
   * {@link #migrations()} then throws.
   */
  public Repositories(
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
      VerificationSessionRepository verificationSessions) {
    this(
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
        new NoMigrations());
  }

  /**
   * The repositories without verification sessions, for callers that never verify (the domain's own
   * tests): every call to {@link #verificationSessions()} then throws.
   */
  public Repositories(
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
      TierHistoryRepository tierHistory) {
    this(
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
        new NoVerificationSessions(),
        new NoMigrations());
  }

  /** Stands in where no migration records exist; never used by the bot. */
  private static final class NoMigrations implements MigrationRepository {
    private static UnsupportedOperationException none() {
      return new UnsupportedOperationException("these repositories have no migration records");
    }

    @Override
    public java.util.Optional<io.arrakis.domain.community.MigrationState> state(
        io.arrakis.domain.common.CommunityId community) {
      throw none();
    }

    @Override
    public void save(
        io.arrakis.domain.common.CommunityId community,
        io.arrakis.domain.community.MigrationState state) {
      throw none();
    }

    @Override
    public void recordComparison(
        io.arrakis.domain.common.CommunityId community,
        io.arrakis.domain.sync.ShadowComparison comparison,
        java.time.Instant comparedAt) {
      throw none();
    }

    @Override
    public io.arrakis.domain.sync.ShadowTotals comparisonsSince(
        io.arrakis.domain.common.CommunityId community, java.time.Instant since) {
      throw none();
    }
  }

  /** Stands in where no verification sessions exist; never used by the bot. */
  private static final class NoVerificationSessions implements VerificationSessionRepository {
    private static UnsupportedOperationException none() {
      return new UnsupportedOperationException("these repositories have no verification sessions");
    }

    @Override
    public java.util.Optional<VerificationSession> byId(
        io.arrakis.domain.common.CommunityId community, java.util.UUID id) {
      throw none();
    }

    @Override
    public java.util.Optional<VerificationSession> lockById(
        io.arrakis.domain.common.CommunityId community, java.util.UUID id) {
      throw none();
    }

    @Override
    public java.util.Optional<VerificationSession> pending(
        io.arrakis.domain.common.CommunityId community, io.arrakis.domain.common.UserId user) {
      throw none();
    }

    @Override
    public java.util.Optional<VerificationSession> latest(
        io.arrakis.domain.common.CommunityId community, io.arrakis.domain.common.UserId user) {
      throw none();
    }

    @Override
    public void save(io.arrakis.domain.common.CommunityId community, VerificationSession session) {
      throw none();
    }

    @Override
    public int expirePending(
        io.arrakis.domain.common.CommunityId community, java.time.Instant now) {
      throw none();
    }
  }
}
