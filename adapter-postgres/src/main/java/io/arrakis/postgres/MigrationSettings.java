package io.arrakis.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How migrations connect: as the migration role, which owns the schema and bypasses row-level
 * security, and which role the migrations grant the application's privileges to.
 *
 * @param jdbcUrl {@code DATABASE_URL}
 * @param user {@code DATABASE_MIGRATION_USER}, default {@code sietch_migrator}
 * @param password {@code DATABASE_MIGRATION_PASSWORD} (required; never logged)
 * @param schema {@code DATABASE_SCHEMA}, default {@code sietch}
 * @param appRole {@code DATABASE_APP_ROLE}: the role granted DML, default {@code sietch_app}
 */
public record MigrationSettings(
    String jdbcUrl, String user, String password, String schema, String appRole) {

  public MigrationSettings {
    List<String> problems = new ArrayList<>();
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      problems.add("DATABASE_URL must start with jdbc:postgresql://");
    }
    if (!PostgresSettings.IDENTIFIER.matcher(schema).matches()) {
      problems.add("DATABASE_SCHEMA must be a lower-case SQL identifier");
    }
    if (!PostgresSettings.IDENTIFIER.matcher(appRole).matches()) {
      problems.add("DATABASE_APP_ROLE must be a lower-case SQL identifier");
    }
    if (user.isBlank()) {
      problems.add("DATABASE_MIGRATION_USER must not be blank");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  public static MigrationSettings fromEnvironment(Map<String, String> env) {
    String password = env.get("DATABASE_MIGRATION_PASSWORD");
    if (password == null) {
      throw new IllegalArgumentException("DATABASE_MIGRATION_PASSWORD is required");
    }
    return new MigrationSettings(
        env.getOrDefault("DATABASE_URL", PostgresSettings.DEFAULT_URL),
        env.getOrDefault("DATABASE_MIGRATION_USER", "sietch_migrator"),
        password,
        env.getOrDefault("DATABASE_SCHEMA", PostgresSettings.DEFAULT_SCHEMA),
        env.getOrDefault("DATABASE_APP_ROLE", "sietch_app"));
  }

  @Override
  public String toString() {
    return "MigrationSettings[jdbcUrl="
        + jdbcUrl
        + ", user="
        + user
        + ", password=***, schema="
        + schema
        + ", appRole="
        + appRole
        + "]";
  }
}
