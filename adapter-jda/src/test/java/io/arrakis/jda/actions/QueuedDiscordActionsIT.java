package io.arrakis.jda.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.messaging.ConsumerSettings;
import io.arrakis.messaging.Delivery;
import io.arrakis.messaging.EnvelopeHeaders;
import io.arrakis.messaging.HandlerOutcome;
import io.arrakis.messaging.PublishException;
import io.arrakis.messaging.RetryPolicy;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyNames;
import io.arrakis.messaging.TopologyProfile;
import io.arrakis.rabbitmq.RabbitMq;
import io.arrakis.rabbitmq.RabbitMqSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Actions published through the real RabbitMQ adapter land in the right queue — the shard queue of
 * the guild, or the shared DM queue — with the properties the executor relies on, and decode back
 * to the action. The topology lives under a unique prefix and is deleted afterwards.
 */
class QueuedDiscordActionsIT {
  private static final String HOST = System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1");
  private static final URI AMQP = URI.create("amqp://guest:guest@" + HOST + ":5672/");
  private static final int SHARDS = 2;

  /** 81384788765712384 → (id >> 22) % 2 = 0; 1234567890123456789 → 1. */
  private static final long GUILD_ON_SHARD_0 = 81384788765712384L;

  private static final long GUILD_ON_SHARD_1 = 1234567890123456789L;

  private Topology topology;
  private final List<Topology> shardParts = new ArrayList<>();
  private RabbitMq rabbit;
  private Connection admin;

  @BeforeEach
  void start() throws Exception {
    topology =
        Topology.of(
            new TopologyNames("actions-it-" + UUID.randomUUID().toString().substring(0, 8)),
            TopologyProfile.CLASSIC_PRIORITY,
            new RetryPolicy(List.of(Duration.ofMillis(100)), 2));
    rabbit =
        RabbitMq.start(
            RabbitMqSettings.defaults(AMQP, "queued-actions-it"),
            topology,
            new SimpleMeterRegistry());
    for (int shard = 0; shard < SHARDS; shard++) {
      Topology part = topology.shardActions(shard);
      shardParts.add(part);
      rabbit.declare(part);
    }
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(AMQP);
    factory.setVirtualHost("/");
    admin = factory.newConnection("queued-actions-it-admin");
  }

  @AfterEach
  void stop() throws Exception {
    if (rabbit != null) {
      rabbit.close();
    }
    if (admin != null) {
      try (Channel ch = admin.createChannel()) {
        for (Topology part : shardParts) {
          for (Topology.QueueSpec q : part.queues()) {
            ch.queueDelete(q.name());
          }
        }
        for (Topology.QueueSpec q : topology.queues()) {
          ch.queueDelete(q.name());
        }
        for (Topology.ExchangeSpec x : topology.exchanges()) {
          ch.exchangeDelete(x.name());
        }
      }
      admin.close();
    }
  }

  @Test
  void givenARoleAddADmAndAPost_submit_routesEachToItsQueueWithTheExecutorsProperties()
      throws Exception {
    var actions = new QueuedDiscordActions(rabbit.publisher(), SHARDS);
    var roleAdd =
        new DiscordAction.AddRole(
            "1190000000000000000:role.add:77", GUILD_ON_SHARD_0, 555, 77, "rank 12: Fedaykin");
    var dm = Actions.directMessage();
    var post =
        new DiscordAction.PostToChannel(
            "the-door:join:555", GUILD_ON_SHARD_1, 999, MessagePayload.text("Welcome"));
    long before = nowMicros();

    actions.submit(roleAdd).get(10, TimeUnit.SECONDS);
    actions.submit(dm).get(10, TimeUnit.SECONDS);
    actions.submit(post).get(10, TimeUnit.SECONDS);

    GetResponse onShard0 = get(topology.names().shardActionsQueue(0));
    assertAction(onShard0, roleAdd, "action.shard.0.role.add", before);
    assertThat(onShard0.getProps().getHeaders().get(EnvelopeHeaders.GUILD_ID).toString())
        .isEqualTo("81384788765712384");

    GetResponse onShard1 = get(topology.names().shardActionsQueue(1));
    assertAction(onShard1, post, "action.shard.1.channel.post", before);
    assertThat(onShard1.getProps().getHeaders().get(EnvelopeHeaders.GUILD_ID).toString())
        .isEqualTo("1234567890123456789");

    GetResponse inDmQueue = get(topology.names().directMessageActionsQueue());
    assertAction(inDmQueue, dm, "action.dm.send", before);
    assertThat(inDmQueue.getProps().getHeaders()).doesNotContainKey(EnvelopeHeaders.GUILD_ID);

    try (Channel ch = admin.createChannel()) {
      assertThat(ch.messageCount(topology.names().shardActionsQueue(0))).as("shard 0").isZero();
      assertThat(ch.messageCount(topology.names().shardActionsQueue(1))).as("shard 1").isZero();
      assertThat(ch.messageCount(topology.names().directMessageActionsQueue())).isZero();
      assertThat(ch.messageCount(topology.names().deadLetterQueue())).as("DLQ").isZero();
    }
  }

  @Test
  void givenAnAction_theAdaptersConsumerAcceptsItsEnvelopeAndTheBodyDecodes() throws Exception {
    BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
    rabbit
        .consumer()
        .subscribe(
            topology.names().directMessageActionsQueue(),
            ConsumerSettings.defaults(topology.retryPolicy()),
            d -> {
              received.add(d);
              return HandlerOutcome.ack();
            });
    var dm = Actions.directMessage();

    new QueuedDiscordActions(rabbit.publisher(), SHARDS).submit(dm).get(10, TimeUnit.SECONDS);

    Delivery delivery = received.poll(10, TimeUnit.SECONDS);
    assertThat(delivery).as("delivered to the handler, not parked as malformed").isNotNull();
    assertThat(delivery.envelope().messageId()).isEqualTo(dm.actionId());
    assertThat(delivery.envelope().type()).isEqualTo(QueuedDiscordActions.ENVELOPE_TYPE);
    assertThat(delivery.envelope().routingKey()).isEqualTo("action.dm.send");
    assertThat(delivery.attempt()).isEqualTo(1);
    assertThat(ActionJson.decode(delivery.envelope().body())).isEqualTo(dm);
    try (Channel ch = admin.createChannel()) {
      assertThat(ch.messageCount(topology.names().deadLetterQueue())).as("DLQ").isZero();
    }
  }

  @Test
  void givenAShardWhoseQueueWasNeverDeclared_submit_failsAsUnroutable() throws Exception {
    // With 3 shards, 197038439483310086 is on shard 2, whose queue this test did not declare.
    var actions = new QueuedDiscordActions(rabbit.publisher(), 3);
    var lost = new DiscordAction.DeleteMessage("nowhere", 197038439483310086L, 1, 2);
    assertThat(QueuedDiscordActions.shardOf(197038439483310086L, 3)).isEqualTo(2);

    assertThatThrownBy(() -> actions.submit(lost).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            PublishException.class,
            ex -> assertThat(ex.reason()).isEqualTo(PublishException.Reason.UNROUTABLE));
  }

  private GetResponse get(String queue) throws Exception {
    try (Channel ch = admin.createChannel()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline) {
        GetResponse response = ch.basicGet(queue, true);
        if (response != null) {
          return response;
        }
        Thread.sleep(20);
      }
    }
    throw new AssertionError("nothing reached " + queue + " in 10 s");
  }

  private static void assertAction(
      GetResponse response, DiscordAction action, String routingKey, long publishedAfterMicros) {
    var props = response.getProps();
    Map<String, Object> headers = props.getHeaders();
    assertThat(response.getEnvelope().getExchange()).endsWith(".actions");
    assertThat(response.getEnvelope().getRoutingKey()).isEqualTo(routingKey);
    assertThat(props.getMessageId()).isEqualTo(action.actionId());
    assertThat(props.getType()).isEqualTo("DISCORD_ACTION");
    assertThat(props.getContentType()).isEqualTo("application/json");
    assertThat(props.getDeliveryMode()).as("persistent").isEqualTo(2);
    assertThat(props.getPriority()).isZero();
    assertThat(props.getExpiration()).isNull();
    assertThat(((Number) headers.get(EnvelopeHeaders.SCHEMA)).intValue()).isEqualTo(1);
    assertThat(((Number) headers.get(EnvelopeHeaders.RECEIVED_AT_US)).longValue())
        .isBetween(publishedAfterMicros, nowMicros());
    assertThat(ActionJson.decode(response.getBody())).isEqualTo(action);
  }

  private static long nowMicros() {
    var now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }
}
