package io.arrakis.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EnvelopeHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmqpEnvelopeCodecTest {
  private final Envelope interaction =
      Envelope.builder(
              "42",
              "INTERACTION_CREATE",
              "interaction.command.stats",
              "{}".getBytes(StandardCharsets.UTF_8))
          .priority(10)
          .receivedAtMicros(1_700_000_000_000_001L)
          .shardId(2)
          .seq(7)
          .sessionId("s")
          .guildId("g")
          .interactionId("42")
          .expiration(Duration.ofMillis(2400))
          .attempt(1)
          .headers(Map.of("x-custom", "v"))
          .build();

  @Test
  void encodesTheArchitecturesProperties() {
    AMQP.BasicProperties p = AmqpEnvelopeCodec.encode(interaction);
    assertThat(p.getMessageId()).isEqualTo("42");
    assertThat(p.getType()).isEqualTo("INTERACTION_CREATE");
    assertThat(p.getContentType()).isEqualTo("application/json");
    assertThat(p.getDeliveryMode()).isEqualTo(2);
    assertThat(p.getPriority()).isEqualTo(10);
    assertThat(p.getExpiration()).isEqualTo("2400");
    assertThat(p.getTimestamp().getTime()).isEqualTo(1_700_000_000_000L);
    assertThat(p.getHeaders())
        .containsEntry(EnvelopeHeaders.SCHEMA, 1)
        .containsEntry(EnvelopeHeaders.RECEIVED_AT_US, 1_700_000_000_000_001L)
        .containsEntry(EnvelopeHeaders.SHARD_ID, 2)
        .containsEntry(EnvelopeHeaders.SEQ, 7L)
        .containsEntry(EnvelopeHeaders.INTERACTION_ID, "42");
  }

  @Test
  void decodesWhatItEncodes() throws Exception {
    AMQP.BasicProperties p = AmqpEnvelopeCodec.encode(interaction);
    assertThat(AmqpEnvelopeCodec.decode("interaction.command.stats", p, interaction.body()))
        .isEqualTo(interaction);
  }

  @Test
  void retriesAndDeadLettersDropTheExpiration() {
    assertThat(AmqpEnvelopeCodec.encode(interaction, Map.of(), false).getExpiration()).isNull();
  }

  @Test
  void aMissingSchemaHeaderIsMalformed() {
    Map<String, Object> headers = new HashMap<>(AmqpEnvelopeCodec.encode(interaction).getHeaders());
    headers.remove(EnvelopeHeaders.SCHEMA);
    AMQP.BasicProperties p =
        AmqpEnvelopeCodec.encode(interaction).builder().headers(headers).build();
    assertThatThrownBy(() -> AmqpEnvelopeCodec.decode("k", p, new byte[0]))
        .isInstanceOf(MalformedEnvelopeException.class)
        .hasMessageContaining("x-schema");
  }

  @Test
  void anUnknownSchemaIsMalformed() {
    Map<String, Object> headers = new HashMap<>(AmqpEnvelopeCodec.encode(interaction).getHeaders());
    headers.put(EnvelopeHeaders.SCHEMA, 2);
    AMQP.BasicProperties p =
        AmqpEnvelopeCodec.encode(interaction).builder().headers(headers).build();
    assertThatThrownBy(() -> AmqpEnvelopeCodec.decode("k", p, new byte[0]))
        .hasMessageContaining("unsupported x-schema 2");
  }

  @Test
  void aMissingMessageIdIsMalformed() {
    AMQP.BasicProperties p =
        AmqpEnvelopeCodec.encode(interaction).builder().messageId(null).build();
    assertThatThrownBy(() -> AmqpEnvelopeCodec.decode("k", p, new byte[0]))
        .hasMessageContaining("message_id");
  }

  @Test
  void aNonNumericHeaderIsMalformed() {
    Map<String, Object> headers = new HashMap<>(AmqpEnvelopeCodec.encode(interaction).getHeaders());
    headers.put(EnvelopeHeaders.SEQ, "seven");
    AMQP.BasicProperties p =
        AmqpEnvelopeCodec.encode(interaction).builder().headers(headers).build();
    assertThatThrownBy(() -> AmqpEnvelopeCodec.decode("k", p, new byte[0]))
        .hasMessageContaining("x-seq is not a number");
  }
}
