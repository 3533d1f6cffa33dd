package io.arrakis.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the application connects: as the application role, which is subject to row-level security.
 *
 * @param jdbcUrl {@code DATABASE_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/sietch}
 * @param user {@code DATABASE_USER}, default {@code sietch_app}
 * @param password {@code DATABASE_PASSWORD} (required; never logged)
 * @param schema {@code DATABASE_SCHEMA}, default {@code sietch}
 * @param maxPoolSize {@code DATABASE_POOL_SIZE}, default 10
 */
public record PostgresSettings(
    String jdbcUrl, String user, String password, String schema, int maxPoolSize) {
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/sietch";
  static final String DEFAULT_SCHEMA = "sietch";
  static final Pattern IDENTIFIER = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

  public PostgresSettings {
    List<String> problems = new ArrayList<>();
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      problems.add("DATABASE_URL must start with jdbc:postgresql://");
    }
    if (user.isBlank()) {
      problems.add("DATABASE_USER must not be blank");
    }
    if (!IDENTIFIER.matcher(schema).matches()) {
      problems.add("DATABASE_SCHEMA must be a lower-case SQL identifier");
    }
    if (maxPoolSize < 1) {
      problems.add("DATABASE_POOL_SIZE must be at least 1");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** Reads the settings from environment variables, naming every missing or malformed one. */
  public static PostgresSettings fromEnvironment(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String password = env.get("DATABASE_PASSWORD");
    if (password == null) {
      problems.add("DATABASE_PASSWORD is required");
    }
    int pool = 10;
    String poolText = env.getOrDefault("DATABASE_POOL_SIZE", "10");
    try {
      pool = Integer.parseInt(poolText);
    } catch (NumberFormatException e) {
      problems.add("DATABASE_POOL_SIZE is not a number: " + poolText);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new PostgresSettings(
        env.getOrDefault("DATABASE_URL", DEFAULT_URL),
        env.getOrDefault("DATABASE_USER", "sietch_app"),
        password == null ? "" : password,
        env.getOrDefault("DATABASE_SCHEMA", DEFAULT_SCHEMA),
        pool);
  }

  @Override
  public String toString() {
    return "PostgresSettings[jdbcUrl="
        + jdbcUrl
        + ", user="
        + user
        + ", password=***, schema="
        + schema
        + ", maxPoolSize="
        + maxPoolSize
        + "]";
  }
}
