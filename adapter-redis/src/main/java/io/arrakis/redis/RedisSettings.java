package io.arrakis.redis;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * @param uri {@code redis://host:6379[/db]} (or {@code rediss://} with TLS; credentials in the URI)
 * @param keyPrefix put before every key, so tests and environments can share a server
 * @param timeout connect and read timeout of each command
 * @param checkpointTtl how long a gateway checkpoint outlives its last save
 * @param poolSize connections in the pool; a caller waits at most {@code timeout} for a free one
 */
public record RedisSettings(
    URI uri, String keyPrefix, Duration timeout, Duration checkpointTtl, int poolSize) {
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9:._-]*");

  public static final URI DEFAULT_URI = URI.create("redis://127.0.0.1:6379");

  /**
   * Enough for a worker's default prefetch of 10 handlers, each holding one connection per call,
   * plus the health check and scheduled jobs.
   */
  public static final int DEFAULT_POOL_SIZE = 16;

  public RedisSettings {
    Objects.requireNonNull(uri, "uri");
    if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
      throw new IllegalArgumentException("REDIS_URL must start with redis:// or rediss://");
    }
    String db = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
    if (!db.isEmpty() && !db.matches("\\d{1,2}")) {
      throw new IllegalArgumentException("REDIS_URL's path must be a database number, e.g. /0");
    }
    if (!PREFIX.matcher(keyPrefix).matches()) {
      throw new IllegalArgumentException("key prefix must be lower-case words: " + keyPrefix);
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("timeout must be between 1 ms and 24 days: " + timeout);
    }
    Objects.requireNonNull(checkpointTtl, "checkpointTtl");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
    }
  }

  /** With the default pool size. */
  public RedisSettings(URI uri, String keyPrefix, Duration timeout, Duration checkpointTtl) {
    this(uri, keyPrefix, timeout, checkpointTtl, DEFAULT_POOL_SIZE);
  }

  public static RedisSettings defaults(URI uri) {
    return new RedisSettings(uri, "", Duration.ofSeconds(2), Duration.ofHours(1));
  }

  public RedisSettings withKeyPrefix(String prefix) {
    return new RedisSettings(uri, prefix, timeout, checkpointTtl, poolSize);
  }

  public RedisSettings withTimeout(Duration newTimeout) {
    return new RedisSettings(uri, keyPrefix, newTimeout, checkpointTtl, poolSize);
  }

  public RedisSettings withPoolSize(int newPoolSize) {
    return new RedisSettings(uri, keyPrefix, timeout, checkpointTtl, newPoolSize);
  }

  @Override
  public String toString() {
    return "RedisSettings["
        + uri.getScheme()
        + "://"
        + uri.getHost()
        + ":"
        + uri.getPort()
        + ", prefix '"
        + keyPrefix
        + "']";
  }
}
