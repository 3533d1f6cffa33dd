package io.arrakis.ingestor.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.RetryPolicy;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyNames;
import io.arrakis.messaging.TopologyProfile;
import io.arrakis.testkit.messaging.InMemoryEventBus;
import io.arrakis.testkit.state.InMemoryRateLimiter;
import io.arrakis.testkit.state.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemberChunkPublisherTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final Topology topology =
      Topology.of(TopologyNames.DEFAULT, TopologyProfile.CLASSIC_PRIORITY, RetryPolicy.STANDARD);
  private final InMemoryEventBus bus = new InMemoryEventBus(topology);
  private final MemberChunkPublisher chunks =
      new MemberChunkPublisher(
          bus,
          new GlobalPacer(
              new InMemoryRateLimiter(clock),
              ActionSettings.DEFAULTS,
              clock,
              clock::advance,
              new SimpleMeterRegistry()),
          clock);

  @AfterEach
  void close() {
    bus.close();
  }

  @Test
  void givenTwoPages_thenTwoGatewayShapedChunksReachTheGuildEventsQueue() throws Exception {
    DiscordAction.RequestMembers request =
        new DiscordAction.RequestMembers("mirror:refill:9", Actions.GUILD);
    List<byte[]> pages =
        List.of(
            "[{\"user\":{\"id\":\"1\"},\"roles\":[]},{\"user\":{\"id\":\"2\"},\"roles\":[\"7\"]}]"
                .getBytes(StandardCharsets.UTF_8),
            "[{\"user\":{\"id\":\"3\"},\"roles\":[]}]".getBytes(StandardCharsets.UTF_8));

    assertThat(chunks.beforePage()).isTrue();
    chunks.deliver(request, pages);

    List<Envelope> events = bus.peek(topology.names().guildEventsQueue());
    assertThat(events).hasSize(2);
    Envelope first = events.get(0);
    assertThat(first.type()).isEqualTo("GUILD_MEMBERS_CHUNK");
    assertThat(first.routingKey()).isEqualTo("member.chunk");
    assertThat(first.messageId()).isEqualTo("mirror:refill:9:chunk:0");
    assertThat(first.guildId()).contains(Long.toString(Actions.GUILD));
    JsonNode body = JSON.readTree(first.body());
    assertThat(body.get("guild_id").asText()).isEqualTo(Long.toString(Actions.GUILD));
    assertThat(body.get("chunk_index").asInt()).isEqualTo(0);
    assertThat(body.get("chunk_count").asInt()).isEqualTo(2);
    assertThat(body.get("members")).hasSize(2);
    assertThat(body.get("members").get(1).get("roles").get(0).asText()).isEqualTo("7");
    JsonNode second = JSON.readTree(events.get(1).body());
    assertThat(second.get("chunk_index").asInt()).isEqualTo(1);
    assertThat(second.get("members").get(0).get("user").get("id").asText()).isEqualTo("3");
  }

  @Test
  void givenTheBrokerRefuses_thenDeliverFails() {
    bus.close();
    DiscordAction.RequestMembers request = new DiscordAction.RequestMembers("m", Actions.GUILD);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> chunks.deliver(request, List.of("[]".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(Exception.class);
  }
}
