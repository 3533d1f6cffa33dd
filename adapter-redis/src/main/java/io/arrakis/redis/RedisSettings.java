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
 */
public record RedisSettings(URI uri, String keyPrefix, Duration timeout, Duration checkpointTtl) {
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9:._-]*");

  public static final URI DEFAULT_URI = URI.create("redis://127.0.0.1:6379");

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
    Objects.requireNonNull(checkpointTtl, "checkpointTtl");
  }

  public static RedisSettings defaults(URI uri) {
    return new RedisSettings(uri, "", Duration.ofSeconds(2), Duration.ofHours(1));
  }

  public RedisSettings withKeyPrefix(String prefix) {
    return new RedisSettings(uri, prefix, timeout, checkpointTtl);
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
