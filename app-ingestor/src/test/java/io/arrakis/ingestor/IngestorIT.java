package io.arrakis.ingestor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.GetResponse;
import io.arrakis.emulator.DiscordEmulator;
import io.arrakis.emulator.EmulatorConfig;
import io.arrakis.emulator.EmulatorControl;
import io.arrakis.emulator.InteractionRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ingestor as wired for production (Dagger), against the emulator, the real RabbitMQ and the
 * real Redis: every kind of event in the routing table lands in the right queue with the right
 * routing key, priority and headers, and health reports the shards.
 */
class IngestorIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestServices services;
  private DiscordEmulator emulator;
  private Ingestor ingestor;

  @BeforeEach
  void start() throws Exception {
    services = new TestServices();
    emulator =
        DiscordEmulator.start(
            EmulatorConfig.builder().port(0).seedGuilds(2).recommendedShards(1).build());
    Map<String, String> env = new HashMap<>();
    env.put("DISCORD_BOT_TOKEN", EmulatorConfig.DEFAULT_TOKEN);
    env.put("DISCORD_API_URL", emulator.baseUrl() + "/api");
    env.put("SHARD_COUNT", "1");
    env.put("RABBITMQ_URL", services.amqpUrl());
    env.put("REDIS_URL", services.redisUrl());
    env.put("HEALTH_HOST", "127.0.0.1");
    env.put("HEALTH_PORT", "0");
    ingestor =
        DaggerIngestorComponent.factory().create(IngestorConfig.fromEnvironment(env)).ingestor();
    ingestor.start();
    awaitHealthy();
  }

  @AfterEach
  void stop() throws Exception {
    if (ingestor != null) {
      ingestor.close();
    }
    emulator.close();
    services.close();
  }

  private void awaitHealthy() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    int status = 0;
    while (System.nanoTime() < deadline) {
      status =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + ingestor.healthPort() + "/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .statusCode();
      if (status == 200) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("ingestor not healthy in 20 s (last status " + status + ")");
  }

  /**
   * Waits until {@code count} messages with these routing keys have arrived, then returns them all.
   */
  private List<GetResponse> collect(String queue, int count) throws Exception {
    List<GetResponse> all = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (all.size() < count && System.nanoTime() < deadline) {
      all.addAll(services.drain(queue));
      Thread.sleep(50);
    }
    return all;
  }

  private static GetResponse byKey(List<GetResponse> got, String routingKey) {
    return got.stream()
        .filter(r -> r.getEnvelope().getRoutingKey().equals(routingKey))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "nothing routed with "
                        + routingKey
                        + " among "
                        + got.stream().map(r -> r.getEnvelope().getRoutingKey()).toList()));
  }

  @Test
  void everyKindOfInteractionLandsOnTheInteractionsQueueWithItsRoute() throws Exception {
    EmulatorControl c = emulator.control();
    long guild = c.guildIds().get(0);
    long user = c.memberIds(guild).get(0);
    ObjectNodeBuilder base =
        new ObjectNodeBuilder()
            .put("guild_id", Long.toString(guild))
            .put("user_id", Long.toString(user));
    InteractionRef command = c.slashCommand(guild, user, "stats", Map.of());
    c.button(base.copy().put("custom_id", "directory:next:2").json());
    c.select(base.copy().put("custom_id", "alerts:frequency").putArray("values", "daily").json());
    c.modalSubmit(base.copy().put("custom_id", "verify:signature").json());
    c.autocomplete(base.copy().put("name", "badges").put("focused", "badge").json());

    List<GetResponse> got = collect("arrakis.interactions", 5);

    GetResponse stats = byKey(got, "interaction.command.stats");
    assertThat(stats.getProps().getPriority()).isEqualTo(10);
    assertThat(stats.getProps().getMessageId()).isEqualTo(command.idString());
    assertThat(stats.getProps().getType()).isEqualTo("INTERACTION_CREATE");
    assertThat(stats.getProps().getDeliveryMode()).isEqualTo(2);
    assertThat(Long.parseLong(stats.getProps().getExpiration())).isBetween(1L, 3_000L);
    Map<String, Object> headers = stats.getProps().getHeaders();
    assertThat(headers.get("x-interaction-id").toString()).isEqualTo(command.idString());
    assertThat(headers.get("x-guild-id").toString()).isEqualTo(Long.toString(guild));
    assertThat(headers.get("x-seq")).isEqualTo(command.seq());
    assertThat(headers.get("x-shard-id")).isEqualTo(0);
    assertThat(headers.get("x-schema")).isEqualTo(1);
    assertThat(headers).containsKeys("x-session-id", "x-received-at-us");
    JsonNode body = JSON.readTree(stats.getBody());
    assertThat(body.path("token").asText()).isEqualTo(command.token());
    assertThat(body.path("data").path("name").asText()).isEqualTo("stats");

    assertThat(byKey(got, "interaction.component.directory").getProps().getPriority()).isEqualTo(8);
    assertThat(byKey(got, "interaction.component.alerts").getProps().getPriority()).isEqualTo(8);
    assertThat(byKey(got, "interaction.modal.verify").getProps().getPriority()).isEqualTo(8);
    assertThat(byKey(got, "interaction.autocomplete.badges").getProps().getPriority()).isEqualTo(9);
  }

  @Test
  void memberGuildMessageAndReactionEventsLandOnTheGuildQueue() throws Exception {
    EmulatorControl c = emulator.control();
    long guild = c.guildIds().get(0);
    List<Long> members = c.memberIds(guild);
    c.addMember(guild, new ObjectNodeBuilder().put("username", "newcomer").json());
    c.updateMember(guild, members.get(1), new ObjectNodeBuilder().put("nick", "Stilgar").json());
    c.removeMember(guild, members.get(2));
    InteractionRef message =
        c.message(
            new ObjectNodeBuilder()
                .put("guild_id", Long.toString(guild))
                .put("user_id", Long.toString(members.get(0)))
                .put("content", "hello")
                .json());
    c.reaction(
        new ObjectNodeBuilder()
            .put("guild_id", Long.toString(guild))
            .put("message_id", message.idString())
            .put("emoji", "🔥")
            .json());

    long leaving = c.guildIds().get(1);
    c.removeGuild(leaving); // the bot leaves (or is removed from) a guild

    // 2 GUILD_CREATE + READY at connect, then the six events above.
    List<GetResponse> got = collect("arrakis.events.guild", 9);

    assertThat(byKey(got, "member.join").getProps().getPriority()).isEqualTo(5);
    assertThat(byKey(got, "member.update").getProps().getPriority()).isEqualTo(5);
    assertThat(byKey(got, "member.leave").getProps().getPriority()).isEqualTo(5);
    assertThat(byKey(got, "guild.join").getProps().getPriority()).isEqualTo(3);
    GetResponse leave = byKey(got, "guild.leave");
    assertThat(leave.getProps().getPriority()).isEqualTo(3);
    assertThat(leave.getProps().getHeaders().get("x-guild-id").toString())
        .isEqualTo(Long.toString(leaving));
    assertThat(byKey(got, "message.create").getProps().getPriority()).isEqualTo(1);
    assertThat(byKey(got, "reaction.add").getProps().getPriority()).isEqualTo(1);
    assertThat(byKey(got, "gateway.ready").getProps().getPriority()).isEqualTo(1);
    GetResponse join = byKey(got, "member.join");
    assertThat(join.getProps().getMessageId()).matches("0:[0-9a-f]+:\\d+");
    assertThat(join.getProps().getHeaders().get("x-guild-id").toString())
        .isEqualTo(Long.toString(guild));
    assertThat(JSON.readTree(join.getBody()).path("user").path("username").asText())
        .isEqualTo("newcomer");
    // Without the privileged MESSAGE_CONTENT intent (the bot needs none) Discord blanks the
    // content.
    JsonNode created = JSON.readTree(byKey(got, "message.create").getBody());
    assertThat(created.path("id").asText()).isEqualTo(message.idString());
    assertThat(created.path("author").path("id").asText()).isEqualTo(Long.toString(members.get(0)));
    assertThat(services.drain("arrakis.dlq")).as("nothing unroutable").isEmpty();
  }

  /** Tiny JSON builder for control-API requests. */
  static final class ObjectNodeBuilder {
    private final com.fasterxml.jackson.databind.node.ObjectNode node;

    ObjectNodeBuilder() {
      this(JSON.createObjectNode());
    }

    private ObjectNodeBuilder(com.fasterxml.jackson.databind.node.ObjectNode node) {
      this.node = node;
    }

    ObjectNodeBuilder put(String k, String v) {
      node.put(k, v);
      return this;
    }

    ObjectNodeBuilder putArray(String k, String... values) {
      var a = node.putArray(k);
      for (String v : values) {
        a.add(v);
      }
      return this;
    }

    ObjectNodeBuilder copy() {
      return new ObjectNodeBuilder(node.deepCopy());
    }

    com.fasterxml.jackson.databind.node.ObjectNode json() {
      return node;
    }
  }
}
