package io.arrakis.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One message on the bus: the body bytes exactly as received plus the properties and headers of
 * architecture section 3.1. Immutable; build one with {@link #builder}.
 *
 * @param messageId the event key (interaction id, or {@code shard:session:seq}); used for dedupe
 * @param type the Discord event name, e.g. {@code INTERACTION_CREATE}
 * @param routingKey where the message goes on its exchange, e.g. {@code interaction.command.stats}
 * @param body the payload, byte for byte (for gateway events: the dispatch's {@code d} object)
 * @param contentType MIME type of the body, {@code application/json} unless said otherwise
 * @param priority 0 (lowest) to 10 (highest), see architecture section 3.2
 * @param receivedAtMicros when the frame was read off the socket, epoch microseconds
 * @param shardId the gateway shard that received it
 * @param seq the gateway sequence number
 * @param sessionId the gateway session id
 * @param guildId the guild the event belongs to
 * @param interactionId the interaction id, for interactions
 * @param expiration how long the message stays useful (interactions: what is left of 3 s)
 * @param attempt how many times a consumer already tried to handle it (0 on first publish)
 * @param headers any other string headers (for example the dead-letter reason)
 */
public record Envelope(
    String messageId,
    String type,
    String routingKey,
    byte[] body,
    String contentType,
    int priority,
    long receivedAtMicros,
    OptionalInt shardId,
    OptionalLong seq,
    Optional<String> sessionId,
    Optional<String> guildId,
    Optional<String> interactionId,
    Optional<Duration> expiration,
    int attempt,
    Map<String, String> headers) {

  public static final String JSON = "application/json";
  public static final int MAX_PRIORITY = 10;

  public Envelope {
    requireText(messageId, "messageId");
    requireText(type, "type");
    requireText(routingKey, "routingKey");
    Objects.requireNonNull(body, "body");
    requireText(contentType, "contentType");
    if (priority < 0 || priority > MAX_PRIORITY) {
      throw new IllegalArgumentException("priority must be 0.." + MAX_PRIORITY + ": " + priority);
    }
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must not be negative: " + attempt);
    }
    Objects.requireNonNull(shardId, "shardId");
    Objects.requireNonNull(seq, "seq");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(guildId, "guildId");
    Objects.requireNonNull(interactionId, "interactionId");
    Objects.requireNonNull(expiration, "expiration");
    headers = Map.copyOf(headers);
    // Defensive copy: the body is the one mutable thing a caller could change after the fact.
    body = body.clone();
  }

  public static Builder builder(String messageId, String type, String routingKey, byte[] body) {
    return new Builder(messageId, type, routingKey, body);
  }

  /** A copy of this envelope to build a variation of it. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body length without copying it. */
  public int bodySize() {
    return body.length;
  }

  /** Interactions are never shed and expire after their response window. */
  public boolean isInteraction() {
    return "INTERACTION_CREATE".equals(type);
  }

  /** When the message stops being useful, if it has an expiration. */
  public Optional<Instant> expiresAt() {
    return expiration.map(ttl -> Instant.EPOCH.plusNanos(receivedAtMicros * 1_000L).plus(ttl));
  }

  public boolean isExpired(Instant now) {
    return expiresAt().map(now::isAfter).orElse(false);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Envelope that
        && priority == that.priority
        && receivedAtMicros == that.receivedAtMicros
        && attempt == that.attempt
        && messageId.equals(that.messageId)
        && type.equals(that.type)
        && routingKey.equals(that.routingKey)
        && Arrays.equals(body, that.body)
        && contentType.equals(that.contentType)
        && shardId.equals(that.shardId)
        && seq.equals(that.seq)
        && sessionId.equals(that.sessionId)
        && guildId.equals(that.guildId)
        && interactionId.equals(that.interactionId)
        && expiration.equals(that.expiration)
        && headers.equals(that.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(messageId, type, routingKey, Arrays.hashCode(body), attempt);
  }

  @Override
  public String toString() {
    // Never the body: it can hold user content and interaction tokens.
    return "Envelope["
        + messageId
        + " "
        + type
        + " -> "
        + routingKey
        + ", "
        + body.length
        + " bytes, priority "
        + priority
        + ", attempt "
        + attempt
        + "]";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /** Builder with the defaults of a plain persistent JSON event. */
  public static final class Builder {
    private String messageId;
    private String type;
    private String routingKey;
    private byte[] body;
    private String contentType = JSON;
    private int priority = 1;
    private long receivedAtMicros = nowMicros();
    private OptionalInt shardId = OptionalInt.empty();
    private OptionalLong seq = OptionalLong.empty();
    private Optional<String> sessionId = Optional.empty();
    private Optional<String> guildId = Optional.empty();
    private Optional<String> interactionId = Optional.empty();
    private Optional<Duration> expiration = Optional.empty();
    private int attempt;
    private Map<String, String> headers = Map.of();

    private Builder(String messageId, String type, String routingKey, byte[] body) {
      this.messageId = messageId;
      this.type = type;
      this.routingKey = routingKey;
      this.body = body;
    }

    private Builder(Envelope e) {
      this(e.messageId, e.type, e.routingKey, e.body);
      contentType = e.contentType;
      priority = e.priority;
      receivedAtMicros = e.receivedAtMicros;
      shardId = e.shardId;
      seq = e.seq;
      sessionId = e.sessionId;
      guildId = e.guildId;
      interactionId = e.interactionId;
      expiration = e.expiration;
      attempt = e.attempt;
      headers = e.headers;
    }

    public Builder routingKey(String value) {
      routingKey = value;
      return this;
    }

    public Builder contentType(String value) {
      contentType = value;
      return this;
    }

    public Builder priority(int value) {
      priority = value;
      return this;
    }

    public Builder receivedAtMicros(long value) {
      receivedAtMicros = value;
      return this;
    }

    public Builder shardId(int value) {
      shardId = OptionalInt.of(value);
      return this;
    }

    public Builder seq(long value) {
      seq = OptionalLong.of(value);
      return this;
    }

    public Builder sessionId(String value) {
      sessionId = Optional.of(value);
      return this;
    }

    public Builder guildId(String value) {
      guildId = Optional.of(value);
      return this;
    }

    public Builder interactionId(String value) {
      interactionId = Optional.of(value);
      return this;
    }

    public Builder expiration(Duration value) {
      expiration = Optional.of(value);
      return this;
    }

    public Builder noExpiration() {
      expiration = Optional.empty();
      return this;
    }

    public Builder attempt(int value) {
      attempt = value;
      return this;
    }

    public Builder headers(Map<String, String> value) {
      headers = value;
      return this;
    }

    public Envelope build() {
      return new Envelope(
          messageId,
          type,
          routingKey,
          body,
          contentType,
          priority,
          receivedAtMicros,
          shardId,
          seq,
          sessionId,
          guildId,
          interactionId,
          expiration,
          attempt,
          headers);
    }
  }

  static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }
}
