package io.arrakis.rabbitmq;

import com.rabbitmq.client.AMQP;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EnvelopeHeaders;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Envelope to AMQP properties and back (architecture section 3.1). */
final class AmqpEnvelopeCodec {
  private static final int PERSISTENT = 2;
  private static final Set<String> TYPED_HEADERS =
      Set.of(
          EnvelopeHeaders.RECEIVED_AT_US,
          EnvelopeHeaders.SHARD_ID,
          EnvelopeHeaders.SEQ,
          EnvelopeHeaders.SESSION_ID,
          EnvelopeHeaders.GUILD_ID,
          EnvelopeHeaders.INTERACTION_ID,
          EnvelopeHeaders.SCHEMA,
          EnvelopeHeaders.ATTEMPTS);

  private AmqpEnvelopeCodec() {}

  static AMQP.BasicProperties encode(Envelope e) {
    return encode(e, Map.of(), true);
  }

  /**
   * @param extraHeaders headers added on top of the envelope's (retry and dead-letter metadata)
   * @param keepExpiration false when republishing to a delay queue or the DLQ, whose own TTL rules
   */
  static AMQP.BasicProperties encode(
      Envelope e, Map<String, Object> extraHeaders, boolean keepExpiration) {
    Map<String, Object> headers = new HashMap<>(e.headers());
    headers.put(EnvelopeHeaders.SCHEMA, EnvelopeHeaders.CURRENT_SCHEMA);
    headers.put(EnvelopeHeaders.RECEIVED_AT_US, e.receivedAtMicros());
    e.shardId().ifPresent(v -> headers.put(EnvelopeHeaders.SHARD_ID, v));
    e.seq().ifPresent(v -> headers.put(EnvelopeHeaders.SEQ, v));
    e.sessionId().ifPresent(v -> headers.put(EnvelopeHeaders.SESSION_ID, v));
    e.guildId().ifPresent(v -> headers.put(EnvelopeHeaders.GUILD_ID, v));
    e.interactionId().ifPresent(v -> headers.put(EnvelopeHeaders.INTERACTION_ID, v));
    if (e.attempt() > 0) {
      headers.put(EnvelopeHeaders.ATTEMPTS, e.attempt());
    }
    headers.putAll(extraHeaders);
    AMQP.BasicProperties.Builder props =
        new AMQP.BasicProperties.Builder()
            .messageId(e.messageId())
            .type(e.type())
            .contentType(e.contentType())
            .deliveryMode(PERSISTENT)
            .priority(e.priority())
            .timestamp(new Date(e.receivedAtMicros() / 1_000L))
            .headers(headers);
    if (keepExpiration) {
      // RabbitMQ counts a message's TTL from when it was enqueued; the window is what is left.
      e.expiration().ifPresent(ttl -> props.expiration(Long.toString(Math.max(0, ttl.toMillis()))));
    }
    return props.build();
  }

  /** Rebuilds the envelope, or says exactly which required property is missing or wrong. */
  static Envelope decode(String routingKey, AMQP.BasicProperties props, byte[] body)
      throws MalformedEnvelopeException {
    Map<String, Object> headers = props.getHeaders() == null ? Map.of() : props.getHeaders();
    String messageId = require(props.getMessageId(), "message_id property");
    String type = require(props.getType(), "type property");
    Object schema = headers.get(EnvelopeHeaders.SCHEMA);
    if (schema == null) {
      throw new MalformedEnvelopeException("missing header " + EnvelopeHeaders.SCHEMA);
    }
    if (asLong(schema, EnvelopeHeaders.SCHEMA) != EnvelopeHeaders.CURRENT_SCHEMA) {
      throw new MalformedEnvelopeException(
          "unsupported "
              + EnvelopeHeaders.SCHEMA
              + " "
              + schema
              + " (this consumer reads "
              + EnvelopeHeaders.CURRENT_SCHEMA
              + ")");
    }
    Object receivedAt = headers.get(EnvelopeHeaders.RECEIVED_AT_US);
    if (receivedAt == null) {
      throw new MalformedEnvelopeException("missing header " + EnvelopeHeaders.RECEIVED_AT_US);
    }
    if (routingKey == null || routingKey.isBlank()) {
      throw new MalformedEnvelopeException("empty routing key");
    }
    int priority = props.getPriority() == null ? 0 : props.getPriority();
    if (priority < 0 || priority > Envelope.MAX_PRIORITY) {
      throw new MalformedEnvelopeException("priority out of range: " + priority);
    }
    Envelope.Builder b =
        Envelope.builder(messageId, type, routingKey, body)
            .contentType(props.getContentType() == null ? Envelope.JSON : props.getContentType())
            .priority(priority)
            .receivedAtMicros(asLong(receivedAt, EnvelopeHeaders.RECEIVED_AT_US));
    if (headers.get(EnvelopeHeaders.SHARD_ID) != null) {
      b.shardId((int) asLong(headers.get(EnvelopeHeaders.SHARD_ID), EnvelopeHeaders.SHARD_ID));
    }
    if (headers.get(EnvelopeHeaders.SEQ) != null) {
      b.seq(asLong(headers.get(EnvelopeHeaders.SEQ), EnvelopeHeaders.SEQ));
    }
    if (headers.get(EnvelopeHeaders.SESSION_ID) != null) {
      b.sessionId(headers.get(EnvelopeHeaders.SESSION_ID).toString());
    }
    if (headers.get(EnvelopeHeaders.GUILD_ID) != null) {
      b.guildId(headers.get(EnvelopeHeaders.GUILD_ID).toString());
    }
    if (headers.get(EnvelopeHeaders.INTERACTION_ID) != null) {
      b.interactionId(headers.get(EnvelopeHeaders.INTERACTION_ID).toString());
    }
    if (headers.get(EnvelopeHeaders.ATTEMPTS) != null) {
      b.attempt((int) asLong(headers.get(EnvelopeHeaders.ATTEMPTS), EnvelopeHeaders.ATTEMPTS));
    }
    if (props.getExpiration() != null) {
      try {
        b.expiration(Duration.ofMillis(Long.parseLong(props.getExpiration())));
      } catch (NumberFormatException ex) {
        throw new MalformedEnvelopeException(
            "expiration is not a number: " + props.getExpiration());
      }
    }
    Map<String, String> rest = new HashMap<>();
    headers.forEach(
        (name, value) -> {
          // x-death is RabbitMQ's own structured record; the reason headers carry what we need.
          if (!TYPED_HEADERS.contains(name) && value != null && !"x-death".equals(name)) {
            rest.put(name, value.toString());
          }
        });
    b.headers(rest);
    try {
      return b.build();
    } catch (IllegalArgumentException ex) {
      throw new MalformedEnvelopeException(ex.getMessage());
    }
  }

  private static String require(String value, String what) throws MalformedEnvelopeException {
    if (value == null || value.isBlank()) {
      throw new MalformedEnvelopeException("missing " + what);
    }
    return value;
  }

  private static long asLong(Object value, String header) throws MalformedEnvelopeException {
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(value.toString());
    } catch (NumberFormatException ex) {
      throw new MalformedEnvelopeException("header " + header + " is not a number: " + value);
    }
  }
}
