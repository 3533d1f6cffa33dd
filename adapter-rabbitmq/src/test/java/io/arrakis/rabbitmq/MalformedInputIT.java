package io.arrakis.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.arrakis.messaging.ConsumerSettings;
import io.arrakis.messaging.Delivery;
import io.arrakis.messaging.EnvelopeHeaders;
import io.arrakis.messaging.HandlerOutcome;
import io.arrakis.messaging.RetryPolicy;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyNames;
import io.arrakis.messaging.TopologyProfile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input reaches the DLQ once, with a reason, and never reaches the handler or a retry. */
class MalformedInputIT {
  private Topology topology;
  private RabbitMq rabbit;
  private final AtomicInteger handled = new AtomicInteger();
  private final BlockingQueue<Delivery> dead = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    topology =
        Topology.of(
            new TopologyNames("bad-" + UUID.randomUUID().toString().substring(0, 8)),
            TopologyProfile.CLASSIC_PRIORITY,
            new RetryPolicy(List.of(Duration.ofMillis(100)), 5));
    rabbit =
        RabbitMq.start(TestBroker.settings("malformed-it"), topology, new SimpleMeterRegistry());
    ConsumerSettings settings = ConsumerSettings.defaults(topology.retryPolicy());
    rabbit
        .consumer()
        .subscribe(
            topology.names().guildEventsQueue(),
            settings,
            d -> {
              handled.incrementAndGet();
              return HandlerOutcome.ack();
            });
  }

  @AfterEach
  void stop() throws Exception {
    rabbit.close();
    TestBroker.delete(topology);
  }

  private void publishRaw(AMQP.BasicProperties props, String body) throws Exception {
    try (Connection c = TestBroker.connect();
        Channel ch = c.createChannel()) {
      ch.confirmSelect();
      ch.basicPublish(
          topology.names().eventsExchange(),
          "member.join",
          true,
          props,
          body.getBytes(StandardCharsets.UTF_8));
      ch.waitForConfirmsOrDie(5_000);
    }
  }

  private static Map<String, Object> validHeaders() {
    Map<String, Object> headers = new HashMap<>();
    headers.put(EnvelopeHeaders.SCHEMA, 1);
    headers.put(EnvelopeHeaders.RECEIVED_AT_US, 1_700_000_000_000_000L);
    return headers;
  }

  /** Reads the DLQ raw: an unreadable message is parked as it came, so it may not decode. */
  private Map<String, Object> nextDeadLetterHeaders() throws Exception {
    try (Connection c = TestBroker.connect();
        Channel ch = c.createChannel()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        var response = ch.basicGet(topology.names().deadLetterQueue(), true);
        if (response != null) {
          Map<String, Object> headers = new HashMap<>();
          response
              .getProps()
              .getHeaders()
              .forEach((k, v) -> headers.put(k, v == null ? null : v.toString()));
          return headers;
        }
        Thread.sleep(20);
      }
    }
    throw new AssertionError("nothing reached the DLQ in 10 s");
  }

  private void assertNoRetryHappened() throws Exception {
    Thread.sleep(400); // longer than the 100 ms retry delay: a retry would have come back by now
    assertThat(handled.get()).as("handler calls").isZero();
    try (Connection c = TestBroker.connect();
        Channel ch = c.createChannel()) {
      assertThat(ch.messageCount(topology.names().retryQueue("100ms"))).isZero();
      assertThat(ch.messageCount(topology.names().deadLetterQueue())).as("parked once").isZero();
    }
  }

  @Test
  void givenABodyThatIsNotJson_thenDeadLetteredAsMalformedPayloadWithoutRetry() throws Exception {
    publishRaw(
        new AMQP.BasicProperties.Builder()
            .messageId("bad-json")
            .type("GUILD_MEMBER_ADD")
            .contentType("application/json")
            .headers(validHeaders())
            .build(),
        "this is not json");

    Map<String, Object> headers = nextDeadLetterHeaders();
    assertThat(headers)
        .containsEntry(EnvelopeHeaders.ERROR_CLASS, "MalformedPayload")
        .containsEntry(EnvelopeHeaders.ORIGIN_QUEUE, topology.names().guildEventsQueue());
    assertThat(headers.get(EnvelopeHeaders.ERROR_MESSAGE).toString()).startsWith("not JSON");
    assertNoRetryHappened();
  }

  @Test
  void givenAMissingRequiredHeader_thenDeadLetteredAsMalformedEnvelopeWithoutRetry()
      throws Exception {
    Map<String, Object> headers = validHeaders();
    headers.remove(EnvelopeHeaders.SCHEMA);
    publishRaw(
        new AMQP.BasicProperties.Builder()
            .messageId("no-schema")
            .type("GUILD_MEMBER_ADD")
            .contentType("application/json")
            .headers(headers)
            .build(),
        "{}");

    Map<String, Object> parked = nextDeadLetterHeaders();
    assertThat(parked)
        .containsEntry(EnvelopeHeaders.ERROR_CLASS, "MalformedEnvelope")
        .containsEntry(EnvelopeHeaders.ERROR_MESSAGE, "missing header x-schema");
    assertNoRetryHappened();
  }

  @Test
  void givenNoMessageId_thenDeadLetteredAsMalformedEnvelope() throws Exception {
    publishRaw(
        new AMQP.BasicProperties.Builder().type("GUILD_MEMBER_ADD").headers(validHeaders()).build(),
        "{}");

    assertThat(nextDeadLetterHeaders())
        .containsEntry(EnvelopeHeaders.ERROR_CLASS, "MalformedEnvelope")
        .containsEntry(EnvelopeHeaders.ERROR_MESSAGE, "missing message_id property");
    assertNoRetryHappened();
  }
}
