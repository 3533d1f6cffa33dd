package io.arrakis.jda.actions;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.GatewayDispatch;
import io.arrakis.discord.GatewaySink;
import io.arrakis.emulator.DiscordEmulator;
import io.arrakis.emulator.EmulatorConfig;
import io.arrakis.jda.JdaGatewaySettings;
import io.arrakis.jda.JdaGatewaySource;
import io.arrakis.state.GatewayCheckpoint;
import io.arrakis.testkit.state.InMemoryGatewayCheckpointStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.LoggerFactory;

/**
 * The emulator in-process with a real {@link JdaGatewaySource} connected to it, for the executor's
 * integration tests: the executor shares the source's shard manager exactly as in the ingestor.
 */
final class EmulatedGateway implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final ObjectMapper JSON = new ObjectMapper();

  final DiscordEmulator emulator;
  final int shardTotal;
  final InMemoryGatewayCheckpointStore checkpoints = new InMemoryGatewayCheckpointStore();
  final List<GatewayDispatch> dispatches = new CopyOnWriteArrayList<>();
  JdaGatewaySource source;

  /** Everything JDA logs at ERROR (it must stay empty: JDA must accept all Discord answers). */
  private final ListAppender<ILoggingEvent> jdaLog = new ListAppender<>();

  private EmulatedGateway(DiscordEmulator emulator, int shardTotal) {
    this.emulator = emulator;
    this.shardTotal = shardTotal;
    jdaLog.start();
    jdaLogger().addAppender(jdaLog);
  }

  private static Logger jdaLogger() {
    return (Logger) LoggerFactory.getLogger("net.dv8tion.jda");
  }

  /** What JDA logged at ERROR so far (e.g. a response it could not parse). */
  List<String> jdaErrors() {
    return jdaLog.list.stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
        .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage())
        .toList();
  }

  /** An emulator with {@code guilds} seeded guilds on {@code shardTotal} shards. */
  static EmulatedGateway start(int guilds, int shardTotal) {
    return new EmulatedGateway(
        DiscordEmulator.start(
            EmulatorConfig.builder()
                .port(0)
                .seedGuilds(guilds)
                .recommendedShards(shardTotal)
                .maxConcurrency(shardTotal)
                .build()),
        shardTotal);
  }

  /** Starts a gateway source holding {@code shardIds} (resuming from checkpoints if any). */
  JdaGatewaySource connect(List<Integer> shardIds) {
    source =
        new JdaGatewaySource(
            new JdaGatewaySettings(
                EmulatorConfig.DEFAULT_TOKEN,
                Optional.of(emulator.baseUrl() + "/api"),
                Optional.empty(),
                Optional.of(shardTotal),
                shardIds,
                JdaGatewaySettings.DEFAULT_INTENTS,
                JdaGatewaySettings.DEFAULT_JDA_IGNORED_EVENTS),
            checkpoints,
            new SimpleMeterRegistry());
    source.start(new Sink());
    await(() -> !source.shardsConnected().containsValue(false), "shards " + shardIds + " up");
    return source;
  }

  /** Saves each shard's last dispatch as its checkpoint, then stops as a planned shutdown does. */
  void checkpointAndStop() throws Exception {
    for (int shard : List.copyOf(source.shardsConnected().keySet())) {
      GatewayDispatch last =
          dispatches.stream().filter(d -> d.shardId() == shard).reduce((a, b) -> b).orElseThrow();
      checkpoints.save(
          new GatewayCheckpoint(shard, last.sessionId(), emulator.gatewayUrl(), last.sequence()));
    }
    source.stopReading();
    source.close();
    source = null;
  }

  ShardManager shards() {
    return source.shardManager();
  }

  /** The guild as JDA caches it, once JDA has it (with its self member). */
  Guild awaitGuild(long guildId) {
    await(() -> shards() != null && shards().getGuildById(guildId) != null, "guild cached");
    return shards().getGuildById(guildId);
  }

  /**
   * Waits until JDA's cache of the guild satisfies {@code condition}. JDA puts a new role or
   * channel into its cache before it sets the fields (a role's position, a channel's overwrites),
   * so wait for the fields, not only the id.
   */
  void awaitCache(long guildId, Predicate<Guild> condition, String what) {
    Guild guild = awaitGuild(guildId);
    await(() -> condition.test(guild), what);
  }

  static ObjectNode obj() {
    return JSON.createObjectNode();
  }

  static String id(long snowflake) {
    return Long.toUnsignedString(snowflake);
  }

  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  @Override
  public void close() {
    jdaLogger().detachAppender(jdaLog);
    if (source != null) {
      source.close();
    }
    emulator.close();
  }

  private final class Sink implements GatewaySink {
    @Override
    public void onDispatch(GatewayDispatch dispatch) {
      dispatches.add(dispatch);
    }

    @Override
    public void onSessionStarted(int shardId, String sessionId, String resumeUrl) {}

    @Override
    public void onSessionResuming(int shardId, String sessionId, String resumeUrl, long sequence) {}

    @Override
    public void onSessionInvalidated(int shardId) {}
  }
}
