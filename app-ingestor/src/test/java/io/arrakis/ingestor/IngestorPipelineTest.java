package io.arrakis.ingestor;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.discord.GatewayDispatch;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.RetryPolicy;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyNames;
import io.arrakis.messaging.TopologyProfile;
import io.arrakis.testkit.messaging.InMemoryEventBus;
import io.arrakis.testkit.state.InMemoryGatewayCheckpointStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestorPipelineTest {
  private static final long DISCORD_EPOCH = 1_420_070_400_000L;

  private final Topology topology =
      Topology.of(TopologyNames.DEFAULT, TopologyProfile.CLASSIC_PRIORITY, RetryPolicy.STANDARD);
  private final InMemoryEventBus bus = new InMemoryEventBus(topology);
  private final InMemoryGatewayCheckpointStore store = new InMemoryGatewayCheckpointStore();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final CheckpointTracker tracker = new CheckpointTracker(store, metrics);
  private final IngestorPipeline pipeline = new IngestorPipeline(bus, tracker, metrics);

  @AfterEach
  void close() {
    bus.close();
  }

  private static long snowflakeAt(long epochMillis) {
    return (epochMillis - DISCORD_EPOCH) << 22;
  }

  @Test
  void givenAnInteraction_thenTheEnvelopeCarriesItsKeyHeadersAndWhatIsLeftOfItsWindow() {
    long now = System.currentTimeMillis();
    long id = snowflakeAt(now - 500);
    String d =
        "{\"id\":\"" + id + "\",\"type\":2,\"guild_id\":\"77\",\"data\":{\"name\":\"stats\"}}";
    GatewayDispatch dispatch =
        new GatewayDispatch(
            3, "sess", 12, "INTERACTION_CREATE", d.getBytes(StandardCharsets.UTF_8), now * 1000);

    Envelope e = pipeline.toEnvelope(dispatch);

    assertThat(e.messageId()).isEqualTo(Long.toString(id));
    assertThat(e.routingKey()).isEqualTo("interaction.command.stats");
    assertThat(e.priority()).isEqualTo(10);
    assertThat(e.interactionId()).contains(Long.toString(id));
    assertThat(e.guildId()).contains("77");
    assertThat(e.shardId()).hasValue(3);
    assertThat(e.seq()).hasValue(12);
    assertThat(e.sessionId()).contains("sess");
    assertThat(e.expiration()).contains(Duration.ofMillis(2500));
    assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo(d);
  }

  @Test
  void givenAnEvent_thenTheKeyIsShardSessionSequence() {
    GatewayDispatch dispatch =
        new GatewayDispatch(
            1, "s", 5, "GUILD_CREATE", "{\"id\":\"55\"}".getBytes(StandardCharsets.UTF_8), 1);
    Envelope e = pipeline.toEnvelope(dispatch);
    assertThat(e.messageId()).isEqualTo("1:s:5");
    assertThat(e.guildId()).contains("55");
    assertThat(e.routingKey()).isEqualTo("guild.join");
    assertThat(e.expiration()).isEmpty();
  }

  @Test
  void givenAnUnreadableBody_thenItIsStillForwardedAndCounted() {
    GatewayDispatch dispatch =
        new GatewayDispatch(
            0, "s", 1, "MESSAGE_CREATE", "{broken".getBytes(StandardCharsets.UTF_8), 1);
    Envelope e = pipeline.toEnvelope(dispatch);
    assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo("{broken");
    assertThat(metrics.counter("arrakis.ingestor.dispatch.unreadable").count()).isEqualTo(1);
  }

  @Test
  void givenPublishedDispatches_thenTheyAreQueuedAndTheCheckpointFollows() throws Exception {
    pipeline.onSessionStarted(0, "s", "ws://resume");
    for (int seq = 1; seq <= 3; seq++) {
      pipeline.onDispatch(
          new GatewayDispatch(
              0, "s", seq, "MESSAGE_CREATE", "{}".getBytes(StandardCharsets.UTF_8), 1));
    }
    tracker.flush();
    assertThat(bus.peek(topology.names().guildEventsQueue())).hasSize(3);
    assertThat(store.load(0).map(c -> c.sequence())).contains(3L);
  }

  @Test
  void remainingWindowIsNeverNegative() {
    long now = System.currentTimeMillis();
    assertThat(
            IngestorPipeline.remainingWindow(
                Optional.of(Long.toString(snowflakeAt(now - 10_000))), now * 1000))
        .isEqualTo(Duration.ZERO);
    assertThat(IngestorPipeline.remainingWindow(Optional.of("not-a-number"), now * 1000))
        .isEqualTo(Duration.ofSeconds(3));
  }
}
