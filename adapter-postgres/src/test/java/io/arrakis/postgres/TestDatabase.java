package io.arrakis.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One throw-away database per test JVM on the real PostgreSQL ({@code 127.0.0.1:5432}, or {@code
 * PG_ADMIN_URL}/{@code PG_ADMIN_USER}/{@code PG_ADMIN_PASSWORD}): created as the superuser, the two
 * roles created as an operator would, migrated as the migration role, used through the application
 * role, dropped when the JVM exits. Tests isolate themselves by working in fresh communities.
 */
final class TestDatabase {
  static final String SERVER =
      System.getenv().getOrDefault("PG_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/");
  static final String ADMIN_USER = System.getenv().getOrDefault("PG_ADMIN_USER", "postgres");
  static final String ADMIN_PASSWORD = System.getenv().getOrDefault("PG_ADMIN_PASSWORD", "");
  static final String MIGRATOR = "sietch_it_migrator";
  static final String APP = "sietch_it_app";
  // trust auth on the test server ignores them; random so nothing secret is committed
  static final String MIGRATOR_PASSWORD = UUID.randomUUID().toString();
  static final String APP_PASSWORD = UUID.randomUUID().toString();

  private static TestDatabase instance;

  final String name;
  final String url;
  final Postgres postgres;

  private TestDatabase() throws SQLException {
    name = "sietch_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    url = SERVER + name;
    try (Connection admin = admin("postgres");
        Statement s = admin.createStatement()) {
      s.execute("create database " + name);
      PostgresRoles.create(admin, name, MIGRATOR, MIGRATOR_PASSWORD, APP, APP_PASSWORD);
    }
    Postgres.migrate(migrationSettings());
    postgres = Postgres.connect(appSettings());
    Runtime.getRuntime().addShutdownHook(new Thread(this::drop, "drop-" + name));
  }

  static synchronized TestDatabase get() {
    if (instance == null) {
      try {
        instance = new TestDatabase();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create the test database", e);
      }
    }
    return instance;
  }

  MigrationSettings migrationSettings() {
    return new MigrationSettings(url, MIGRATOR, MIGRATOR_PASSWORD, "sietch", APP);
  }

  PostgresSettings appSettings() {
    return new PostgresSettings(url, APP, APP_PASSWORD, "sietch", 4);
  }

  static Connection admin(String database) throws SQLException {
    return DriverManager.getConnection(SERVER + database, ADMIN_USER, ADMIN_PASSWORD);
  }

  /** A plain JDBC connection as the application role (subject to RLS), search path set. */
  Connection asApp() throws SQLException {
    Connection c = DriverManager.getConnection(url, APP, APP_PASSWORD);
    c.setSchema("sietch");
    return c;
  }

  /** A plain JDBC connection as the migration role (BYPASSRLS: maintenance only). */
  Connection asMigrator() throws SQLException {
    Connection c = DriverManager.getConnection(url, MIGRATOR, MIGRATOR_PASSWORD);
    c.setSchema("sietch");
    return c;
  }

  private void drop() {
    postgres.close();
    try (Connection admin = admin("postgres");
        Statement s = admin.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      System.err.println("could not drop " + name + ": " + e.getMessage());
    }
  }
}
