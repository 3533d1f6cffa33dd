package io.arrakis.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.messaging.ConsumerSettings;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EventPublisher;
import io.arrakis.messaging.HandlerOutcome;
import io.arrakis.messaging.RetryPolicy;
import io.arrakis.messaging.Subscription;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyNames;
import io.arrakis.messaging.TopologyProfile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker drops every connection (as a broker restart, a network cut or an operator would) while
 * messages flow: nothing is lost, consumers resume, and health says when they are not.
 */
class ConnectionLossIT {
  private static final Logger log = LoggerFactory.getLogger(ConnectionLossIT.class);
  private static final int MESSAGES = 10_000;

  private Topology topology;
  private RabbitMq rabbit;
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  @BeforeEach
  void start() throws Exception {
    String prefix = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
    topology =
        Topology.of(
            new TopologyNames(prefix),
            TopologyProfile.CLASSIC_PRIORITY,
            new RetryPolicy(List.of(Duration.ofMillis(200)), 3));
    rabbit =
        RabbitMq.start(
            TestBroker.settings(TestBroker.AMQP, "chaos-it", Duration.ofMillis(1500)),
            topology,
            metrics);
  }

  @AfterEach
  void stop() throws Exception {
    rabbit.close();
    TestBroker.delete(topology);
  }

  private static Envelope message(int n) {
    return Envelope.builder(
            "m-" + n,
            "MESSAGE_CREATE",
            "message.create",
            ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8))
        .priority(1)
        .shardId(n % 4)
        .build();
  }

  private static void closeAllConnections() {
    try {
      TestBroker.closeAllConnections();
      log.info("closed all broker connections");
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  @Test
  void givenTenThousandMessages_whenEveryConnectionIsClosedTwice_thenAllAreConsumedNoneLost()
      throws Exception {
    Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    rabbit
        .consumer()
        .subscribe(
            topology.names().guildEventsQueue(),
            new ConsumerSettings(50, 4, topology.retryPolicy()),
            delivery -> {
              received
                  .computeIfAbsent(delivery.envelope().messageId(), k -> new AtomicInteger())
                  .incrementAndGet();
              return HandlerOutcome.ack();
            });
    EventPublisher publisher = rabbit.publisher();

    long start = System.nanoTime();
    List<CompletableFuture<Void>> confirms = new ArrayList<>(MESSAGES);
    List<CompletableFuture<Void>> closes = new ArrayList<>();
    for (int n = 0; n < MESSAGES; n++) {
      confirms.add(publisher.publish(message(n)));
      if (n == 2_000 || n == 5_500) {
        // Asynchronously, so publishing goes on while rabbitmqctl starts and cuts the connections.
        closes.add(CompletableFuture.runAsync(ConnectionLossIT::closeAllConnections));
      }
      if (n % 50 == 49) {
        Thread.sleep(40); // a steady ~1,250 msg/s for 8 s, so both cuts land mid-stream
      }
    }
    CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    CompletableFuture.allOf(confirms.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
    double publishSeconds = (System.nanoTime() - start) / 1e9;

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (received.size() < MESSAGES && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    int duplicates = received.values().stream().mapToInt(c -> c.get() - 1).sum();
    double resent = metrics.counter("arrakis.publisher.resent").count();
    System.out.printf(
        "connection-loss run: %d published and confirmed in %.1f s across 2 forced closes;"
            + " %.0f unconfirmed resent by the publisher; %d distinct consumed, %d duplicates%n",
        MESSAGES, publishSeconds, resent, received.size(), duplicates);
    List<String> missing = new ArrayList<>();
    for (int n = 0; n < MESSAGES; n++) {
      if (!received.containsKey("m-" + n)) {
        missing.add("m-" + n);
      }
    }
    assertThat(metrics.counter("arrakis.publisher.connection.losses").count())
        .as("the publisher really lost its connection twice")
        .isEqualTo(2.0);
    assertThat(missing).as("messages lost").isEmpty();
    assertThat(confirms).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
  }

  @Test
  void givenAConnectionLoss_thenHealthSaysNotConsumingUntilTheConsumerIsBack() throws Exception {
    List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    Subscription subscription =
        rabbit
            .consumer()
            .subscribe(
                topology.names().guildEventsQueue(),
                ConsumerSettings.defaults(topology.retryPolicy()),
                delivery -> {
                  received.add(delivery.envelope().messageId());
                  return HandlerOutcome.ack();
                });
    rabbit.publisher().publish(message(1)).get(10, TimeUnit.SECONDS);
    assertThat(rabbit.health().healthy()).isTrue();

    TestBroker.closeAllConnections();

    boolean sawUnhealthy = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (System.nanoTime() < deadline && !sawUnhealthy) {
      RabbitMq.Health health = rabbit.health();
      sawUnhealthy =
          !health.healthy() && health.queuesNotConsuming().contains(subscription.queue());
      Thread.sleep(5);
    }
    assertThat(sawUnhealthy).as("health reports the consumer down while it reconnects").isTrue();

    long recovered = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!subscription.isConsuming() && System.nanoTime() < recovered) {
      Thread.sleep(50);
    }
    assertThat(subscription.isConsuming()).as("consumer resumed").isTrue();
    rabbit.publisher().publish(message(2)).get(10, TimeUnit.SECONDS);
    long consumed = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!received.contains("m-2") && System.nanoTime() < consumed) {
      Thread.sleep(20);
    }
    assertThat(received).as("really consuming after recovery").contains("m-1", "m-2");
    assertThat(rabbit.health().healthy()).isTrue();
  }
}
