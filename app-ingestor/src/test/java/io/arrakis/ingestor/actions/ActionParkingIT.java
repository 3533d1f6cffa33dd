package io.arrakis.ingestor.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.arrakis.messaging.ConsumerSettings;
import io.arrakis.messaging.Delivery;
import io.arrakis.messaging.HandlerOutcome;
import io.arrakis.messaging.RetryPolicy;
import io.arrakis.messaging.Subscription;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyNames;
import io.arrakis.messaging.TopologyProfile;
import io.arrakis.rabbitmq.RabbitMq;
import io.arrakis.rabbitmq.RabbitMqSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parking over the real RabbitMQ: a parked action leaves its queue, waits in the delay tiers and
 * comes back to the queue it came from with its headers, hopping through shorter tiers until its
 * moment. The topology lives under a unique prefix and is deleted afterwards.
 */
class ActionParkingIT {
  private static final String HOST = System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1");
  private static final URI AMQP = URI.create("amqp://guest:guest@" + HOST + ":5672/");

  private Topology topology;
  private Topology shard;
  private Topology parks;
  private RabbitMq rabbit;

  @BeforeEach
  void start() throws Exception {
    topology =
        Topology.of(
            new TopologyNames("park-it-" + UUID.randomUUID().toString().substring(0, 8)),
            TopologyProfile.CLASSIC_PRIORITY,
            RetryPolicy.STANDARD);
    rabbit =
        RabbitMq.start(
            RabbitMqSettings.defaults(AMQP, "park-it"), topology, new SimpleMeterRegistry());
    shard = topology.shardActions(0);
    parks = ActionParking.topology(topology);
    rabbit.declare(shard);
    rabbit.declare(parks);
  }

  @AfterEach
  void stop() throws Exception {
    rabbit.close();
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(AMQP);
    factory.setVirtualHost("/");
    try (Connection admin = factory.newConnection("park-it-admin");
        Channel ch = admin.createChannel()) {
      for (Topology part : List.of(shard, parks, topology)) {
        for (Topology.QueueSpec q : part.queues()) {
          ch.queueDelete(q.name());
        }
      }
      for (Topology.ExchangeSpec x : topology.exchanges()) {
        ch.exchangeDelete(x.name());
      }
    }
  }

  @Test
  void aParkedActionComesBackToItsQueueWithItsHeadersAfterHoppingToItsMoment() throws Exception {
    ActionParking parking = new ActionParking(rabbit.publisher(), Clock.systemUTC());
    List<Delivery> arrivals = new CopyOnWriteArrayList<>();
    List<Instant> times = new CopyOnWriteArrayList<>();
    Instant[] due = new Instant[1];
    String queue = topology.names().shardActionsQueue(0);
    Subscription sub =
        rabbit
            .consumer()
            .subscribe(
                queue,
                new ConsumerSettings(10, 1, RetryPolicy.STANDARD),
                delivery -> {
                  arrivals.add(delivery);
                  times.add(Instant.now());
                  Instant until = ActionParking.parkedUntil(delivery.envelope()).orElse(null);
                  if (until == null) { // first time: park it for 3.3 s
                    due[0] = Instant.now().plusMillis(3_300);
                    try {
                      parking.park(delivery, due[0], Map.of("role-slot", "42"));
                    } catch (Exception ex) {
                      return HandlerOutcome.retryLater(ex.toString());
                    }
                    return HandlerOutcome.ack();
                  }
                  Duration left = Duration.between(Instant.now(), until);
                  if (left.compareTo(ActionParking.SHORTEST) >= 0) {
                    try {
                      parking.park(delivery, until, Map.of());
                    } catch (Exception ex) {
                      return HandlerOutcome.retryLater(ex.toString());
                    }
                  }
                  return HandlerOutcome.ack();
                });
    rabbit
        .publisher()
        .publish(
            topology.names().actionsExchange(),
            Actions.envelope(Actions.addRole("park-it:1"), Instant.now()).toBuilder()
                .routingKey("action.shard.0.role.add")
                .build())
        .get();

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline
        && (arrivals.isEmpty()
            || ActionParking.parkedUntil(arrivals.get(arrivals.size() - 1).envelope()).isEmpty()
            || Duration.between(
                        times.get(times.size() - 1),
                        ActionParking.parkedUntil(arrivals.get(arrivals.size() - 1).envelope())
                            .get())
                    .compareTo(ActionParking.SHORTEST)
                >= 0)) {
      Thread.sleep(20);
    }
    sub.close();

    // 3.3 s: the 2 s tier, then 1 s, then 250 ms — four arrivals in all.
    assertThat(arrivals).hasSizeGreaterThanOrEqualTo(3);
    Delivery last = arrivals.get(arrivals.size() - 1);
    assertThat(last.queue()).isEqualTo(queue);
    assertThat(last.envelope().messageId()).isEqualTo("park-it:1");
    assertThat(last.envelope().headers()).containsEntry("role-slot", "42");
    assertThat(ActionParking.parkedUntil(last.envelope()))
        .contains(Instant.ofEpochMilli(due[0].toEpochMilli()));
    Duration late = Duration.between(due[0], times.get(times.size() - 1));
    System.out.printf(
        "parked 3.3 s: %d arrivals, back %d ms %s its moment%n",
        arrivals.size(), Math.abs(late.toMillis()), late.isNegative() ? "before" : "after");
  }

  @Test
  void parkingOneActionAfterAnotherWaitsForEachConfirm() throws Exception {
    ActionParking parking = new ActionParking(rabbit.publisher(), Clock.systemUTC());
    Delivery delivery =
        new Delivery(
            Actions.envelope(Actions.addRole("park-it:2"), Instant.now()),
            topology.names().shardActionsQueue(0),
            1,
            false);
    int n = 50;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      parking.park(delivery, Instant.now().plusSeconds(600), Map.of());
    }
    double ms = (System.nanoTime() - start) / 1e6 / n;
    System.out.printf("park with confirm, one after another: %.1f ms each%n", ms);
    assertThat(ms).isPositive();
  }

  @Test
  void aBurstOfRoleChangesInOneGuildIsParkedAndRunsAtTheGuildsPace() throws Exception {
    Clock clock = Clock.systemUTC();
    ScriptedExecutor executor = new ScriptedExecutor(clock);
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    io.arrakis.testkit.state.InMemoryRateLimiter limiter =
        new io.arrakis.testkit.state.InMemoryRateLimiter(clock);
    ActionPipeline pipeline =
        new ActionPipeline(
            executor,
            new io.arrakis.testkit.state.InMemoryIdempotencyClaims(clock),
            new GlobalPacer(limiter, ActionSettings.DEFAULTS, clock, Sleeper.system(), metrics),
            new InvalidRequestGuard(limiter, ActionSettings.DEFAULTS, clock, metrics),
            rabbit.publisher(),
            new GuildRoleSchedule(new GuildRolePace(20, Duration.ofSeconds(1)), clock),
            Sleeper.system(),
            clock,
            metrics);
    Subscription sub =
        rabbit
            .consumer()
            .subscribe(
                topology.names().shardActionsQueue(0),
                new ConsumerSettings(10, 4, RetryPolicy.STANDARD),
                pipeline);
    int n = 300;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      io.arrakis.discord.action.DiscordAction.AddRole add =
          new io.arrakis.discord.action.DiscordAction.AddRole(
              "burst:" + i, 2L << 22, Actions.USER + i, Actions.ROLE, "sync");
      rabbit
          .publisher()
          .publish(
              topology.names().actionsExchange(),
              Actions.envelope(add, Instant.now()).toBuilder()
                  .routingKey("action.shard.0.role.add")
                  .build());
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (executor.executed().size() < n && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    sub.close();
    Map<String, Double> parks = new java.util.TreeMap<>();
    metrics
        .find("arrakis.actions.parked")
        .counters()
        .forEach(c -> parks.merge(c.getId().getTag("reason"), c.count(), Double::sum));
    System.out.printf(
        "%d role changes in one guild at 20/s: %.1f s (%.1f/s), parks %s%n",
        n, seconds, n / seconds, parks);
    assertThat(executor.executed()).hasSize(n);
    assertThat(parks.get("role-bucket")).isPositive();
  }
}
