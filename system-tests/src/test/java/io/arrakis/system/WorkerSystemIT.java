package io.arrakis.system;

import static io.arrakis.system.SietchSystem.answered;
import static io.arrakis.system.SietchSystem.ephemeral;
import static io.arrakis.system.SietchSystem.field;
import static io.arrakis.system.SietchSystem.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import io.arrakis.emulator.InteractionRef;
import io.arrakis.jda.actions.ActionJson;
import io.arrakis.jda.actions.QueuedDiscordActions;
import io.arrakis.worker.DemoCommunity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The worker end to end, every part a real process or server: a member runs a command in the
 * emulator → the ingestor publishes it → a worker (its jar, without the bot token) answers through
 * the emulator's interaction endpoints, reading the community seeded in PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerSystemIT {
  private static final int REDIS_DB = 9;
  private static final Duration ANSWER = Duration.ofSeconds(10);

  private SietchSystem sys;
  private AppProcess worker;
  private Connection amqp;
  private Channel channel;

  @BeforeAll
  void start() throws Exception {
    sys = SietchSystem.start("wsys", REDIS_DB, "redis://127.0.0.1:6379/" + (REDIS_DB + 1));
    AppProcess.flushRedis(REDIS_DB + 1);
    SietchSystem.Run registered = sys.registerCommands();
    assertThat(registered.exitCode()).as(registered.output()).isZero();
    assertThat(registered.output()).contains("20 commands registered");
    amqp = sys.broker.connect("worker-system-test");
    channel = amqp.createChannel();
    // a wiretap on the interactions the ingestor publishes, to deliver one again by hand
    channel.queueDeclare("test.tap", false, false, false, null);
    channel.queueBind("test.tap", "arrakis.events", "interaction.#");
    // and on the actions the worker publishes (the ingestor consumes the shard queues itself)
    channel.queueDeclare("test.actions-tap", false, false, false, null);
    channel.queueBind("test.actions-tap", "arrakis.actions", "action.#");
    worker = sys.startWorker("wsys-worker");
  }

  @AfterAll
  void stop() throws Exception {
    if (amqp != null) {
      amqp.close();
    }
    if (sys != null) {
      sys.close();
    }
  }

  @Test
  void registeringAgainChangesNothing() throws Exception {
    SietchSystem.Run again = sys.registerCommands();

    assertThat(again.exitCode()).isZero();
    assertThat(again.output()).contains("no request sent: 20 commands already registered");
  }

  @Test
  void checkEligibilityDefersThenShowsTheWalletsRank() throws Exception {
    String wallet = DemoCommunity.wallet(3).value();
    InteractionRef ref =
        sys.command(sys.members.get(5), "check-eligibility", null, Map.of("wallet", wallet));

    JsonNode conversation = sys.awaitConversation(ref, SietchSystem::answered, ANSWER);

    assertThat(conversation.path("callback_type").asInt()).as("deferred").isEqualTo(5);
    JsonNode embed = message(conversation).path("embeds").get(0);
    assertThat(embed.path("title").asText())
        .isEqualTo("Eligibility — " + DemoCommunity.wallet(3).truncated());
    assertThat(field(embed, "Eligible")).isEqualTo("Yes");
    assertThat(field(embed, "Rank")).isEqualTo("#3");
    assertThat(field(embed, "Burned")).isEqualTo("No");
    assertThat(ephemeral(message(conversation))).isTrue();
    assertThat(SietchSystem.requests(conversation, "callback")).isEqualTo(1);
  }

  @Test
  void thresholdAnswersPubliclyWithTheEntryRequirement() throws Exception {
    InteractionRef ref = sys.command(sys.members.get(6), "threshold", null, Map.of());

    JsonNode conversation = sys.awaitConversation(ref, SietchSystem::answered, ANSWER);

    assertThat(conversation.path("callback_type").asInt()).as("direct answer").isEqualTo(4);
    JsonNode embed = message(conversation).path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("The Threshold");
    assertThat(field(embed, "Entry requirement")).isEqualTo("6,600.00 BGT (#69)");
    assertThat(field(embed, "Eligible")).isEqualTo("69");
    assertThat(ephemeral(message(conversation))).isFalse();
  }

  @Test
  void positionShowsTheCallersRankPrivately() throws Exception {
    InteractionRef ref = sys.command(sys.members.get(1), "position", null, Map.of());

    JsonNode conversation = sys.awaitConversation(ref, SietchSystem::answered, ANSWER);

    JsonNode embed = message(conversation).path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("Your Position");
    assertThat(field(embed, "Position")).isEqualTo("#40");
    assertThat(field(embed, "Status")).isEqualTo("Fedaykin");
    assertThat(ephemeral(message(conversation))).isTrue();
  }

  @Test
  void registerWaitlistRecordsTheRegistrationAndQueuesTheTaqwaRoleForTheGuildsShard()
      throws Exception {
    long member = sys.members.get(2); // linked to the wallet ranked 80
    InteractionRef ref = sys.command(member, "register-waitlist", "register", Map.of());

    JsonNode conversation = sys.awaitConversation(ref, SietchSystem::answered, ANSWER);

    JsonNode embed = message(conversation).path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("Waitlist Registration Complete");
    List<WaitlistRegistration> active =
        sys.db
            .postgres
            .unitOfWork()
            .inCommunity(
                sys.community,
                () -> sys.db.postgres.repositories().waitlist().active(sys.community));
    assertThat(active)
        .anySatisfy(
            r -> {
              assertThat(r.userId().value()).isEqualTo(member);
              assertThat(r.wallet()).isEqualTo(DemoCommunity.wallet(80));
            });
    int shard = QueuedDiscordActions.shardOf(sys.guild, sys.shards);
    String actionId = ref.idString() + ":role.add:" + Long.toUnsignedString(sys.taqwaRole);
    GetResponse action = awaitMessage("test.actions-tap", actionId);
    assertThat(action.getEnvelope().getRoutingKey())
        .isEqualTo("action.shard." + shard + ".role.add");
    DiscordAction decoded = ActionJson.decode(action.getBody());
    assertThat(decoded)
        .isEqualTo(
            new DiscordAction.AddRole(
                actionId,
                sys.guild,
                member,
                sys.taqwaRole,
                ((DiscordAction.AddRole) decoded).reason()));
  }

  @Test
  void eachOfTheFourCommandsHasItsErrorAnswer() throws Exception {
    long unlinked = sys.members.get(3); // no wallet linked in the demo community
    long otherGuild = sys.emulator.control().guildIds().get(1); // no community there

    JsonNode position =
        sys.awaitConversation(
            sys.command(unlinked, "position", null, Map.of()), SietchSystem::answered, ANSWER);
    JsonNode check =
        sys.awaitConversation(
            sys.command(unlinked, "check-eligibility", null, Map.of("wallet", "0x1234")),
            SietchSystem::answered,
            ANSWER);
    JsonNode register =
        sys.awaitConversation(
            sys.command(unlinked, "register-waitlist", "register", Map.of()),
            SietchSystem::answered,
            ANSWER);
    JsonNode threshold =
        sys.awaitConversation(
            sys.emulator
                .control()
                .slashCommand(
                    otherGuild,
                    sys.emulator.control().memberIds(otherGuild).get(0),
                    "threshold",
                    Map.of()),
            SietchSystem::answered,
            ANSWER);

    assertThat(message(position).path("content").asText())
        .isEqualTo("You haven't linked a wallet. Run /verify start.");
    assertThat(message(check).path("content").asText()).contains("isn't a valid wallet address");
    assertThat(message(register).path("content").asText())
        .isEqualTo("You haven't linked a wallet. Run /verify start.");
    assertThat(message(threshold).path("content").asText())
        .startsWith("Sietch isn't set up in this server yet.");
    for (JsonNode c : List.of(position, check, register, threshold)) {
      assertThat(ephemeral(message(c))).as("errors are ephemeral: " + c).isTrue();
    }
  }

  @Test
  void theSameInteractionDeliveredTwiceMoreIsAnsweredOnce() throws Exception {
    channel.queuePurge("test.tap");
    InteractionRef ref = sys.command(sys.members.get(7), "threshold", null, Map.of());
    GetResponse original = awaitMessage("test.tap", ref.idString());

    // two more copies, exactly as the ingestor published it (a replay after a resume)
    for (int i = 0; i < 2; i++) {
      channel.basicPublish(
          "arrakis.events",
          original.getEnvelope().getRoutingKey(),
          original.getProps(),
          original.getBody());
    }
    JsonNode conversation = sys.awaitConversation(ref, SietchSystem::answered, ANSWER);
    Thread.sleep(1500); // time for the copies to be consumed

    conversation = sys.emulator.control().conversation(ref.id()).orElseThrow();
    assertThat(SietchSystem.requests(conversation, "callback"))
        .as("the copies never reached Discord: " + conversation.path("events"))
        .isEqualTo(1);
    assertThat(SietchSystem.acceptedCallbacks(conversation)).isEqualTo(1);
    assertThat(worker.metric("arrakis_worker_interactions_duplicates_total", ""))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aPoisonMessageIsDeadLetteredWithItsReasonAndTheWorkerCarriesOn() throws Exception {
    AMQP.BasicProperties props =
        new AMQP.BasicProperties.Builder()
            .messageId("poison-" + System.nanoTime())
            .type("INTERACTION_CREATE")
            .contentType("application/json")
            .deliveryMode(2)
            .headers(Map.of("x-schema", 1, "x-received-at-us", System.currentTimeMillis() * 1000))
            .build();
    channel.basicPublish(
        "arrakis.events",
        "interaction.command.threshold",
        props,
        "{\"type\":2,\"not\":\"an interaction\"}".getBytes(StandardCharsets.UTF_8));

    GetResponse dead = awaitMessage("arrakis.dlq", props.getMessageId());

    Map<String, Object> headers = dead.getProps().getHeaders();
    assertThat(String.valueOf(headers.get("x-error-class"))).isEqualTo("MalformedInteraction");
    assertThat(String.valueOf(headers.get("x-error-message"))).isNotBlank();
    InteractionRef after = sys.command(sys.members.get(4), "threshold", null, Map.of());
    assertThat(answered(sys.awaitConversation(after, SietchSystem::answered, ANSWER))).isTrue();
    sys.assertWorkersAlive();
  }

  @Test
  void anUnknownCommandIsAnsweredAndDeadLettered() throws Exception {
    InteractionRef ref = sys.command(sys.members.get(3), "no-such-command", null, Map.of());

    JsonNode conversation = sys.awaitConversation(ref, SietchSystem::answered, ANSWER);

    assertThat(message(conversation).path("content").asText())
        .isEqualTo("This command isn't available.");
    GetResponse dead = awaitMessage("arrakis.dlq", ref.idString());
    assertThat(String.valueOf(dead.getProps().getHeaders().get("x-error-class")))
        .isEqualTo("UnsupportedInteraction");
  }

  @Test
  void theServingWorkerRefusesTheBotToken() throws Exception {
    Map<String, String> env = new HashMap<>(sys.workerEnvironment());
    env.put("DISCORD_BOT_TOKEN", "a-token-that-must-not-be-here");

    SietchSystem.Run run = sys.runWorkerJar(env);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.output())
        .contains("DISCORD_BOT_TOKEN is set, but the worker must never hold the bot token")
        .doesNotContain("a-token-that-must-not-be-here");
  }

  /** Reads {@code queue} until the message {@code messageId} arrives (others are requeued). */
  private GetResponse awaitMessage(String queue, String messageId) throws Exception {
    long deadline = System.nanoTime() + ANSWER.toNanos();
    while (System.nanoTime() < deadline) {
      GetResponse r = channel.basicGet(queue, false);
      if (r == null) {
        Thread.sleep(50);
        continue;
      }
      if (messageId.equals(r.getProps().getMessageId())) {
        channel.basicAck(r.getEnvelope().getDeliveryTag(), false);
        return r;
      }
      channel.basicAck(
          r.getEnvelope().getDeliveryTag(), false); // not ours: drop from the test's view
    }
    throw new AssertionError("no message " + messageId + " on " + queue);
  }
}
