package io.arrakis.worker;

import io.arrakis.postgres.MigrationSettings;
import io.arrakis.postgres.Postgres;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code migrate}: applies the Flyway migrations as the migration role ({@code
 * DATABASE_MIGRATION_USER}/{@code DATABASE_MIGRATION_PASSWORD}); run once per deploy, before the
 * workers, which connect as the row-level-security-bound application role.
 */
final class Migrate {
  private Migrate() {}

  static int run(Map<String, String> variables, PrintStream out) {
    int applied = Postgres.migrate(MigrationSettings.fromEnvironment(variables));
    out.println("migrations applied: " + applied);
    return 0;
  }
}
