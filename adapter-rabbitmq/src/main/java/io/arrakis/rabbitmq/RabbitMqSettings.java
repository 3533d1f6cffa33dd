package io.arrakis.rabbitmq;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Connection and publishing settings, validated and frozen on construction.
 *
 * @param uri {@code amqp://user:pass@host:5672/vhost} ({@code amqps://} in production)
 * @param connectionName shown in the management UI, e.g. {@code ingestor-0}
 * @param bufferCapacity messages the publisher holds while the broker is away or slow
 * @param maxInFlight published but unconfirmed messages at once
 * @param recoveryInterval pause between reconnect attempts
 * @param closeTimeout how long close() waits for pending confirms and in-flight handlers
 */
public record RabbitMqSettings(
    URI uri,
    String connectionName,
    int bufferCapacity,
    int maxInFlight,
    Duration recoveryInterval,
    Duration closeTimeout) {

  public static final URI DEFAULT_URI = URI.create("amqp://guest:guest@127.0.0.1:5672/");

  public RabbitMqSettings {
    Objects.requireNonNull(uri, "uri");
    if (!"amqp".equals(uri.getScheme()) && !"amqps".equals(uri.getScheme())) {
      throw new IllegalArgumentException("RabbitMQ URL must start with amqp:// or amqps://");
    }
    Objects.requireNonNull(connectionName, "connectionName");
    if (bufferCapacity < 1) {
      throw new IllegalArgumentException("bufferCapacity must be at least 1: " + bufferCapacity);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
    }
    Objects.requireNonNull(recoveryInterval, "recoveryInterval");
    Objects.requireNonNull(closeTimeout, "closeTimeout");
  }

  public static RabbitMqSettings defaults(URI uri, String connectionName) {
    return new RabbitMqSettings(
        uri, connectionName, 10_000, 2_000, Duration.ofSeconds(1), Duration.ofSeconds(10));
  }

  public RabbitMqSettings withBufferCapacity(int capacity) {
    return new RabbitMqSettings(
        uri, connectionName, capacity, maxInFlight, recoveryInterval, closeTimeout);
  }

  /** The URI without its password, for logs. */
  public String redactedUri() {
    String userInfo = uri.getUserInfo();
    String user = userInfo == null ? "" : userInfo.split(":", 2)[0] + ":***@";
    return uri.getScheme() + "://" + user + uri.getHost() + ":" + uri.getPort() + uri.getPath();
  }

  @Override
  public String toString() {
    return "RabbitMqSettings["
        + redactedUri()
        + ", "
        + connectionName
        + ", buffer "
        + bufferCapacity
        + ", in flight "
        + maxInFlight
        + "]";
  }
}
