package io.arrakis.testkit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.messaging.ConsumerSettings;
import io.arrakis.messaging.Delivery;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EnvelopeHeaders;
import io.arrakis.messaging.HandlerOutcome;
import io.arrakis.messaging.PoisonMessageException;
import io.arrakis.messaging.PublishException;
import io.arrakis.messaging.RetryPolicy;
import io.arrakis.messaging.Subscription;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyNames;
import io.arrakis.messaging.TopologyProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@code EventPublisher}/{@code EventConsumer} pair must do, whether in memory or on a
 * real broker. Each test runs on a topology of its own (a fresh name prefix) with short retries.
 */
public abstract class AbstractEventBusContractTest {
  /** Short delays so retry tests take a second, not minutes; three attempts in all. */
  protected static final RetryPolicy FAST_RETRIES =
      new RetryPolicy(List.of(Duration.ofMillis(200), Duration.ofMillis(400)), 3);

  private static final Duration WAIT = Duration.ofSeconds(15);

  protected Topology topology;
  private EventBusUnderTest bus;

  /** Opens a bus on this topology (declare it first if the bus needs that). */
  protected abstract EventBusUnderTest open(Topology topology) throws Exception;

  @BeforeEach
  void openBus() throws Exception {
    String prefix = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    topology =
        Topology.of(new TopologyNames(prefix), TopologyProfile.CLASSIC_PRIORITY, FAST_RETRIES);
    bus = open(topology);
  }

  @AfterEach
  void closeBus() throws Exception {
    bus.close();
  }

  protected TopologyNames names() {
    return topology.names();
  }

  private static Envelope.Builder event(String key, String type, String routingKey, String json) {
    return Envelope.builder(key, type, routingKey, json.getBytes(StandardCharsets.UTF_8));
  }

  private Subscription collect(String queue, BlockingQueue<Delivery> into, HandlerOutcome outcome) {
    return bus.consumer()
        .subscribe(
            queue,
            new ConsumerSettings(10, 1, FAST_RETRIES),
            delivery -> {
              into.add(delivery);
              return outcome;
            });
  }

  private static Delivery next(BlockingQueue<Delivery> deliveries) throws InterruptedException {
    Delivery delivery = deliveries.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(delivery).as("a delivery within %s", WAIT).isNotNull();
    return delivery;
  }

  @Test
  @DisplayName(
      "a published interaction arrives on the interactions queue with every property intact")
  void givenAnInteraction_whenPublished_thenDeliveredIntact() throws Exception {
    Envelope sent =
        event(
                "1234567890",
                "INTERACTION_CREATE",
                "interaction.command.stats",
                "{\"id\":\"1234567890\"}")
            .priority(10)
            .receivedAtMicros(1_700_000_000_123_456L)
            .shardId(3)
            .seq(42)
            .sessionId("session-a")
            .guildId("111")
            .interactionId("1234567890")
            .headers(Map.of("x-trace", "t-1"))
            .build();

    bus.publisher().publish(sent).get(WAIT.toSeconds(), TimeUnit.SECONDS);

    BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    collect(names().interactionsQueue(), deliveries, HandlerOutcome.ack());
    Delivery delivery = next(deliveries);
    Envelope got = delivery.envelope();
    assertThat(got.messageId()).isEqualTo("1234567890");
    assertThat(got.type()).isEqualTo("INTERACTION_CREATE");
    assertThat(got.routingKey()).isEqualTo("interaction.command.stats");
    assertThat(new String(got.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"1234567890\"}");
    assertThat(got.priority()).isEqualTo(10);
    assertThat(got.receivedAtMicros()).isEqualTo(1_700_000_000_123_456L);
    assertThat(got.shardId()).hasValue(3);
    assertThat(got.seq()).hasValue(42);
    assertThat(got.sessionId()).contains("session-a");
    assertThat(got.guildId()).contains("111");
    assertThat(got.interactionId()).contains("1234567890");
    assertThat(got.headers()).containsEntry("x-trace", "t-1");
    assertThat(delivery.attempt()).isEqualTo(1);
    assertThat(delivery.queue()).isEqualTo(names().interactionsQueue());
  }

  @Test
  @DisplayName("member, guild, message and reaction events go to the guild-events queue")
  void givenGuildEvents_whenPublished_thenRoutedToGuildEventsQueue() throws Exception {
    for (String key :
        List.of(
            "member.join",
            "guild.leave",
            "message.create",
            "reaction.add",
            "gateway.typing_start")) {
      bus.publisher()
          .publish(event("k-" + key, "X", key, "{}").build())
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
    BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    collect(names().guildEventsQueue(), deliveries, HandlerOutcome.ack());
    List<String> keys = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      keys.add(next(deliveries).envelope().routingKey());
    }
    assertThat(keys)
        .containsExactlyInAnyOrder(
            "member.join", "guild.leave", "message.create", "reaction.add", "gateway.typing_start");
  }

  @Test
  @DisplayName("a message no queue is bound for fails the publish as unroutable")
  void givenNoBinding_whenPublished_thenUnroutable() {
    var result = bus.publisher().publish(event("u-1", "X", "nobody.listens", "{}").build());
    assertThatThrownBy(() -> result.join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            PublishException.class,
            ex -> assertThat(ex.reason()).isEqualTo(PublishException.Reason.UNROUTABLE));
  }

  @Test
  @DisplayName(
      "a handler that always fails transiently is tried maxAttempts times, then dead-lettered")
  void givenTransientFailures_whenRetriesRunOut_thenDeadLetteredWithReason() throws Exception {
    BlockingQueue<Delivery> attempts = new LinkedBlockingQueue<>();
    collect(
        names().guildEventsQueue(), attempts, HandlerOutcome.retryLater("database unavailable"));
    BlockingQueue<Delivery> dead = new LinkedBlockingQueue<>();
    collect(names().deadLetterQueue(), dead, HandlerOutcome.ack());

    bus.publisher().publish(event("r-1", "GUILD_MEMBER_ADD", "member.join", "{}").build()).get();

    Delivery parked = next(dead);
    assertThat(parked.envelope().messageId()).isEqualTo("r-1");
    assertThat(parked.envelope().headers())
        .containsEntry(EnvelopeHeaders.ERROR_CLASS, "RetriesExhausted")
        .containsEntry(EnvelopeHeaders.ORIGIN_QUEUE, names().guildEventsQueue());
    assertThat(parked.envelope().headers().get(EnvelopeHeaders.ERROR_MESSAGE))
        .contains("database unavailable");
    assertThat(parked.envelope().attempt()).isEqualTo(FAST_RETRIES.maxAttempts());
    List<Integer> seen = attempts.stream().map(Delivery::attempt).toList();
    assertThat(seen).containsExactly(1, 2, 3);
  }

  @Test
  @DisplayName("a thrown exception counts as a transient failure and is retried")
  void givenHandlerThrows_whenDelivered_thenRetriedWithNextAttempt() throws Exception {
    BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    bus.consumer()
        .subscribe(
            names().guildEventsQueue(),
            new ConsumerSettings(10, 1, FAST_RETRIES),
            delivery -> {
              deliveries.add(delivery);
              if (delivery.attempt() == 1) {
                throw new IllegalStateException("redis timeout");
              }
              return HandlerOutcome.ack();
            });

    bus.publisher().publish(event("t-1", "X", "member.update", "{}").build()).get();

    assertThat(next(deliveries).attempt()).isEqualTo(1);
    Delivery second = next(deliveries);
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(second.envelope().messageId()).isEqualTo("t-1");
    assertThat(deliveries.poll(600, TimeUnit.MILLISECONDS)).as("acked after success").isNull();
  }

  @Test
  @DisplayName("a dead-letter outcome parks the message at once with the handler's reason")
  void givenPermanentFailure_whenDeadLettered_thenParkedOnceWithReason() throws Exception {
    BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    collect(
        names().interactionsQueue(),
        deliveries,
        HandlerOutcome.deadLetter("UnknownCommand", "no command named frobnicate"));
    BlockingQueue<Delivery> dead = new LinkedBlockingQueue<>();
    collect(names().deadLetterQueue(), dead, HandlerOutcome.ack());

    bus.publisher()
        .publish(
            event("d-1", "INTERACTION_CREATE", "interaction.command.frobnicate", "{}")
                .priority(10)
                .build())
        .get();

    Delivery parked = next(dead);
    assertThat(parked.envelope().headers())
        .containsEntry(EnvelopeHeaders.ERROR_CLASS, "UnknownCommand")
        .containsEntry(EnvelopeHeaders.ERROR_MESSAGE, "no command named frobnicate");
    assertThat(parked.envelope().attempt()).isEqualTo(1);
    assertThat(deliveries).hasSize(1);
  }

  @Test
  @DisplayName("a PoisonMessageException dead-letters without a retry")
  void givenPoison_whenHandlerThrowsPoison_thenDeadLetteredWithoutRetry() throws Exception {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    bus.consumer()
        .subscribe(
            names().guildEventsQueue(),
            new ConsumerSettings(10, 1, FAST_RETRIES),
            delivery -> {
              attempts.add(delivery.attempt());
              throw new PoisonMessageException("guild_id missing");
            });
    BlockingQueue<Delivery> dead = new LinkedBlockingQueue<>();
    collect(names().deadLetterQueue(), dead, HandlerOutcome.ack());

    bus.publisher().publish(event("p-1", "GUILD_MEMBER_ADD", "member.join", "{}").build()).get();

    Delivery parked = next(dead);
    assertThat(parked.envelope().headers())
        .containsEntry(EnvelopeHeaders.ERROR_CLASS, "PoisonMessageException")
        .containsEntry(EnvelopeHeaders.ERROR_MESSAGE, "guild_id missing");
    assertThat(attempts).containsExactly(1);
  }

  @Test
  @DisplayName("after a subscription is closed it receives nothing more")
  void givenClosedSubscription_whenPublished_thenNotDelivered() throws Exception {
    BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    Subscription subscription =
        collect(names().guildEventsQueue(), deliveries, HandlerOutcome.ack());
    assertThat(subscription.isConsuming()).isTrue();

    subscription.close();
    bus.publisher().publish(event("c-1", "X", "member.join", "{}").build()).get();

    assertThat(subscription.isConsuming()).isFalse();
    assertThat(deliveries.poll(500, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  @DisplayName(
      "messages published by one thread are delivered in order to a single-threaded consumer")
  void givenOnePublisherThread_whenPublishingMany_thenOrderKept() throws Exception {
    for (int i = 0; i < 200; i++) {
      bus.publisher()
          .publish(
              event("o-" + i, "MESSAGE_CREATE", "message.create", "{\"n\":" + i + "}").build());
    }
    bus.publisher()
        .publish(event("o-last", "MESSAGE_CREATE", "message.create", "{}").build())
        .get();
    BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    bus.consumer()
        .subscribe(
            names().guildEventsQueue(),
            new ConsumerSettings(1, 1, FAST_RETRIES),
            delivery -> {
              deliveries.add(delivery);
              return HandlerOutcome.ack();
            });
    for (int i = 0; i < 200; i++) {
      assertThat(next(deliveries).envelope().messageId()).isEqualTo("o-" + i);
    }
  }
}
