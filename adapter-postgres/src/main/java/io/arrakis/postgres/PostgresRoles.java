package io.arrakis.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the two roles and lets the migration role create its schema, as an operator would with
 * {@code db/roles.sql} (see the README). Run once per cluster/database with a superuser connection;
 * idempotent. Passwords come from the caller (the environment), never from this code.
 *
 * <ul>
 *   <li>migration role: LOGIN, BYPASSRLS, not superuser; owns the schema and every table.
 *   <li>application role: LOGIN, NOBYPASSRLS, not superuser, owns nothing; gets DML grants from the
 *       migrations.
 * </ul>
 */
public final class PostgresRoles {
  private PostgresRoles() {}

  public static void create(
      Connection superuser,
      String database,
      String migrationRole,
      String migrationPassword,
      String appRole,
      String appPassword)
      throws SQLException {
    for (String identifier : new String[] {database, migrationRole, appRole}) {
      if (!PostgresSettings.IDENTIFIER.matcher(identifier).matches()) {
        throw new IllegalArgumentException("not a plain lower-case identifier: " + identifier);
      }
    }
    ensureRole(superuser, migrationRole, "LOGIN NOSUPERUSER BYPASSRLS", migrationPassword);
    ensureRole(superuser, appRole, "LOGIN NOSUPERUSER NOBYPASSRLS", appPassword);
    try (Statement s = superuser.createStatement()) {
      s.execute("grant connect, create on database " + database + " to " + migrationRole);
      s.execute("grant connect on database " + database + " to " + appRole);
    }
  }

  private static void ensureRole(
      Connection superuser, String role, String attributes, String password) throws SQLException {
    boolean exists;
    try (PreparedStatement q =
        superuser.prepareStatement("select 1 from pg_roles where rolname = ?")) {
      q.setString(1, role);
      try (ResultSet rs = q.executeQuery()) {
        exists = rs.next();
      }
    }
    try (Statement s = superuser.createStatement()) {
      s.execute(
          (exists ? "alter role " : "create role ")
              + role
              + " "
              + attributes
              + " password "
              + quoteLiteral(password));
    }
  }

  private static String quoteLiteral(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
