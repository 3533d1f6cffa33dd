package io.arrakis.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.arrakis.domain.port.BurnerRegistry;
import io.arrakis.domain.port.GuildMemberMirror;
import io.arrakis.domain.port.GuildPresenceRepository;
import io.arrakis.domain.port.JobRunRepository;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.port.WeeklyDigestRepository;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's one entry point: {@link #migrate} (as the migration role), {@link #connect} (as the
 * application role), then {@link #repositories()} for the domain and {@link #unitOfWork()} to run
 * each use case in one transaction under its community's row-level-security context.
 */
public final class Postgres implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Postgres.class);

  private final HikariDataSource dataSource;
  private final Session session;
  private final Repositories repositories;
  private final BurnerRegistry burners;
  private final GuildMemberMirror guildMembers;
  private final GuildPresenceRepository guildPresence;
  private final JobRunRepository jobRuns;
  private final WeeklyDigestRepository weeklyDigests;

  private Postgres(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    Jdbi jdbi = Jdbi.create(dataSource);
    jdbi.registerArgument(new Sql.InstantArgumentFactory());
    jdbi.registerArgument(new Sql.UuidArgumentFactory());
    this.session = new Session(jdbi);
    this.repositories =
        new Repositories(
            new JdbiCommunityRepository(session),
            new JdbiEligibilityRepository(session),
            new JdbiWalletLinkRepository(session),
            new JdbiProfileRepository(session),
            new JdbiSeatRepository(session),
            new JdbiBadgeRepository(session),
            new JdbiWaterGrantRepository(session),
            new JdbiActivityRepository(session),
            new JdbiAlertRepository(session),
            new JdbiAuditLogRepository(session),
            new JdbiRoleRevocationRepository(session),
            new JdbiWaitlistRepository(session),
            new JdbiTierHistoryRepository(session),
            new JdbiVerificationSessionRepository(session),
            new JdbiMigrationRepository(session));
    this.burners = new JdbiBurnerRegistry(session);
    this.guildMembers = new JdbiGuildMemberMirror(session);
    this.guildPresence = new JdbiGuildPresenceRepository(session);
    this.jobRuns = new JdbiJobRunRepository(session);
    this.weeklyDigests = new JdbiWeeklyDigestRepository(session);
  }

  /**
   * Opens the pool as the application role. Refuses a role that would not be subject to row-level
   * security (superuser or BYPASSRLS): the tenant isolation must never depend on luck.
   */
  public static Postgres connect(PostgresSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("sietch-postgres");
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setSchema(settings.schema());
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
    config.setAutoCommit(true);
    config.setConnectionTimeout(10_000);
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      Postgres postgres = new Postgres(dataSource);
      postgres.refuseRoleThatBypassesRls(settings.user());
      LOG.info("connected to {} as {}", settings.jdbcUrl(), settings.user());
      return postgres;
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /** Applies pending migrations as the migration role; returns how many were applied. */
  public static int migrate(MigrationSettings settings) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
            .schemas(settings.schema())
            .createSchemas(true)
            .locations("classpath:db/migration")
            .placeholders(Map.of("app_role", settings.appRole(), "schema", settings.schema()))
            .load();
    MigrateResult result = flyway.migrate();
    LOG.info(
        "migrated {} to version {} ({} applied)",
        settings.jdbcUrl(),
        result.targetSchemaVersion,
        result.migrationsExecuted);
    return result.migrationsExecuted;
  }

  /** The domain's repositories; every call joins the thread's {@link UnitOfWork} if one is open. */
  public Repositories repositories() {
    return repositories;
  }

  /**
   * The chain burners ({@code chain_burners}, a global table); every call joins the thread's {@link
   * UnitOfWork} if one is open.
   */
  public BurnerRegistry burners() {
    return burners;
  }

  /** The guild member mirror ({@code guild_members}, tenant); joins the thread's unit of work. */
  public GuildMemberMirror guildMembers() {
    return guildMembers;
  }

  /** Whether the bot is in each community's guild ({@code guild_presence}, tenant). */
  public GuildPresenceRepository guildPresence() {
    return guildPresence;
  }

  /** {@code job_runs} (global): the scheduled-job runner's record of each period. */
  public JobRunRepository jobRuns() {
    return jobRuns;
  }

  /** {@code weekly_digests} (tenant): one digest per community and week. */
  public WeeklyDigestRepository weeklyDigests() {
    return weeklyDigests;
  }

  public UnitOfWork unitOfWork() {
    return session;
  }

  private void refuseRoleThatBypassesRls(String user) {
    boolean bypasses =
        session.withoutCommunity(
            () ->
                session.global(
                    h ->
                        h.createQuery(
                                "select rolsuper or rolbypassrls from pg_roles"
                                    + " where rolname = current_user")
                            .mapTo(Boolean.class)
                            .one()));
    if (bypasses) {
      throw new IllegalStateException(
          "database user "
              + user
              + " is a superuser or has BYPASSRLS: the application must connect as a role subject"
              + " to row-level security");
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
