package io.arrakis.system;

import io.arrakis.postgres.MigrationSettings;
import io.arrakis.postgres.Postgres;
import io.arrakis.postgres.PostgresRoles;
import io.arrakis.postgres.PostgresSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A throw-away database on the machine's PostgreSQL, set up as an operator would: created as the
 * superuser, the two roles, migrated as the migration role; processes connect as the application
 * role (row-level security applies). Dropped on {@link #close()}.
 */
final class SystemDatabase implements AutoCloseable {
  private static final String SERVER =
      System.getenv().getOrDefault("PG_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String ADMIN_USER =
      System.getenv().getOrDefault("PG_ADMIN_USER", "postgres");
  private static final String ADMIN_PASSWORD =
      System.getenv().getOrDefault("PG_ADMIN_PASSWORD", "");
  private static final String MIGRATOR = "sietch_sys_migrator";
  private static final String APP = "sietch_sys_app";

  final String name =
      "sietch_sys_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  final String url = SERVER + name;
  // trust auth on the test server ignores them; random so nothing secret is committed
  private final String migratorPassword = UUID.randomUUID().toString();
  private final String appPassword = UUID.randomUUID().toString();
  final Postgres postgres;

  SystemDatabase() throws SQLException {
    try (Connection admin = admin();
        Statement s = admin.createStatement()) {
      s.execute("create database " + name);
      PostgresRoles.create(admin, name, MIGRATOR, migratorPassword, APP, appPassword);
    }
    Postgres.migrate(new MigrationSettings(url, MIGRATOR, migratorPassword, "sietch", APP));
    postgres = Postgres.connect(new PostgresSettings(url, APP, appPassword, "sietch", 4));
  }

  /** What a worker process needs to connect as the application role. */
  Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", url);
    env.put("DATABASE_USER", APP);
    env.put("DATABASE_PASSWORD", appPassword);
    return env;
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(SERVER + "postgres", ADMIN_USER, ADMIN_PASSWORD);
  }

  @Override
  public void close() throws SQLException {
    postgres.close();
    try (Connection admin = admin();
        Statement s = admin.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
    }
  }
}
