package io.arrakis.jda;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.discord.GatewayDispatch;
import io.arrakis.emulator.DiscordEmulator;
import io.arrakis.emulator.EmulatorConfig;
import io.arrakis.emulator.InteractionRef;
import io.arrakis.state.GatewayCheckpoint;
import io.arrakis.testkit.state.InMemoryGatewayCheckpointStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real JDA against the emulator over real sockets: every dispatch reaches the sink from the
 * tap, and a new process resumes the previous process's sessions (the JDA internals it needs are
 * checked here, so a JDA upgrade that breaks them fails loudly).
 */
class JdaGatewaySourceIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private DiscordEmulator emulator;
  private final InMemoryGatewayCheckpointStore checkpoints = new InMemoryGatewayCheckpointStore();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private JdaGatewaySource source;

  @BeforeEach
  void startEmulator() {
    emulator =
        DiscordEmulator.start(
            EmulatorConfig.builder().port(0).seedGuilds(4).recommendedShards(2).build());
  }

  @AfterEach
  void stop() {
    if (source != null) {
      source.close();
    }
    emulator.close();
  }

  private JdaGatewaySource newSource() {
    return newSource(JdaGatewaySettings.DEFAULT_JDA_IGNORED_EVENTS);
  }

  /** {@code jdaIgnored} empty: JDA processes every event itself, as a plain JDA bot would. */
  private JdaGatewaySource newSource(java.util.Set<String> jdaIgnored) {
    return new JdaGatewaySource(
        new JdaGatewaySettings(
            EmulatorConfig.DEFAULT_TOKEN,
            Optional.of(emulator.baseUrl() + "/api"),
            Optional.empty(),
            Optional.of(2),
            List.of(0, 1),
            JdaGatewaySettings.DEFAULT_INTENTS,
            jdaIgnored),
        checkpoints,
        metrics);
  }

  private long guildOnShard(int shard) {
    return emulator.control().guildIdsOnShard(shard, 2).get(0);
  }

  private InteractionRef slash(long guild, String name) {
    long user = emulator.control().memberIds(guild).get(0);
    return emulator.control().slashCommand(guild, user, name, Map.of());
  }

  private static boolean isInteraction(GatewayDispatch d, InteractionRef ref) {
    return d.type().equals("INTERACTION_CREATE")
        && new String(d.data(), StandardCharsets.UTF_8)
            .contains("\"id\":\"" + ref.idString() + "\"");
  }

  @Test
  void givenTwoShards_thenReadyGuildsAndAnInteractionArriveThroughTheTap() throws Exception {
    RecordingSink sink = new RecordingSink();
    source = newSource();
    source.start(sink);

    sink.await(d -> d.type().equals("READY") && d.shardId() == 1, WAIT);
    sink.await(d -> d.type().equals("GUILD_CREATE") && d.shardId() == 1, WAIT);
    InteractionRef ref = slash(guildOnShard(1), "stats");
    GatewayDispatch interaction = sink.await(d -> isInteraction(d, ref), WAIT);

    assertThat(interaction.shardId()).isEqualTo(1);
    assertThat(interaction.sequence()).isEqualTo(ref.seq());
    assertThat(sink.started).hasSize(2);
    assertThat(sink.ofType("GUILD_CREATE")).hasSize(4);
    assertThat(metrics.counter("arrakis.gateway.tap.errors").count()).isZero();
    assertThat(source.shardsConnected()).containsEntry(0, true).containsEntry(1, true);
  }

  @Test
  void givenACheckpoint_whenANewProcessStarts_thenItResumesAndTheGapIsReplayed() throws Exception {
    RecordingSink first = new RecordingSink();
    source = newSource();
    source.start(first);
    sink(first, 0);
    sink(first, 1);
    for (int shard = 0; shard < 2; shard++) {
      int s = shard;
      GatewayDispatch last =
          first.dispatches.stream().filter(d -> d.shardId() == s).reduce((a, b) -> b).orElseThrow();
      checkpoints.save(
          new GatewayCheckpoint(s, last.sessionId(), emulator.gatewayUrl(), last.sequence()));
    }
    source.stopReading();
    source.close();

    InteractionRef whileDown = slash(guildOnShard(0), "position");

    RecordingSink second = new RecordingSink();
    source = newSource(java.util.Set.of());
    source.start(second);

    GatewayDispatch replayed = second.await(d -> isInteraction(d, whileDown), WAIT);
    second.await(d -> d.type().equals("RESUMED") && d.shardId() == 1, WAIT);
    assertThat(replayed.shardId()).isZero();
    assertThat(second.resuming).hasSize(2);
    assertThat(second.ofType("READY")).as("resumed, not identified").isEmpty();
    assertThat(second.started).isEmpty();
    assertThat(metrics.counter("arrakis.gateway.tap.errors").count()).isZero();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (source.shardsConnected().containsValue(false) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(source.shardsConnected())
        .as("JDA counts a resumed shard as connected")
        .containsEntry(0, true)
        .containsEntry(1, true);

    // A new process has no guild cache after a resume, so JDA's own handler throws on this
    // interaction (it cannot build the guild or channel); the tap has published it regardless.
    ch.qos.logback.classic.Logger jdaSocket =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger("net.dv8tion.jda.internal.requests.WebSocketClient");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> jdaLog =
        new ch.qos.logback.core.read.ListAppender<>();
    jdaLog.start();
    jdaSocket.addAppender(jdaLog);
    try {
      InteractionRef afterResume = slash(guildOnShard(1), "threshold");
      GatewayDispatch published = second.await(d -> isInteraction(d, afterResume), WAIT);
      assertThat(published.shardId()).isEqualTo(1);
      long logged = System.nanoTime() + WAIT.toNanos();
      while (jdaLog.list.isEmpty() && System.nanoTime() < logged) {
        Thread.sleep(20);
      }
      assertThat(jdaLog.list)
          .as("JDA's handler failed on the interaction the tap published")
          .anySatisfy(
              e -> {
                assertThat(e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                    .isTrue();
                assertThat(e.getFormattedMessage()).contains("INTERACTION_CREATE");
              });
    } finally {
      jdaSocket.detachAppender(jdaLog);
    }
  }

  private static void sink(RecordingSink sink, int shard) throws InterruptedException {
    sink.await(d -> d.type().equals("GUILD_CREATE") && d.shardId() == shard, WAIT);
  }
}
