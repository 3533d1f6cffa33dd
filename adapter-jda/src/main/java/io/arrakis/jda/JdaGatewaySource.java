package io.arrakis.jda;

import com.neovisionaries.ws.client.WebSocketFactory;
import io.arrakis.discord.GatewaySink;
import io.arrakis.discord.GatewaySource;
import io.arrakis.state.GatewayCheckpoint;
import io.arrakis.state.GatewayCheckpointStore;
import io.arrakis.state.StateUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway through JDA's shard manager with the lightest cache JDA allows, every frame tapped
 * below JDA (see {@link ConnectionTap}) and each shard resuming the previous process's session.
 */
public final class JdaGatewaySource implements GatewaySource {
  private static final Logger log = LoggerFactory.getLogger(JdaGatewaySource.class);

  private final JdaGatewaySettings settings;
  private final GatewayCheckpointStore checkpoints;
  private final Counter tapErrors;
  private final SessionRegistry sessions = new SessionRegistry();
  private volatile ShardManager shards;

  public JdaGatewaySource(
      JdaGatewaySettings settings, GatewayCheckpointStore checkpoints, MeterRegistry registry) {
    this.settings = settings;
    this.checkpoints = checkpoints;
    this.tapErrors = registry.counter("arrakis.gateway.tap.errors");
  }

  @Override
  public void start(GatewaySink sink) {
    for (int shard : settings.shardIds()) {
      try {
        checkpoints.load(shard).ifPresent(checkpoint -> resumeFrom(checkpoint, sink));
      } catch (StateUnavailableException ex) {
        log.warn("shard {}: no checkpoint ({}); identifying afresh", shard, ex.getMessage());
      }
    }
    Supplier<ConnectionTap> taps = () -> new ConnectionTap(sink, sessions, tapErrors);
    WebSocketFactory sockets =
        new WebSocketFactory()
            .setSocketFactory(new TappingSocketFactory(taps))
            .setSSLSocketFactory(
                new TappingSslSocketFactory(
                    (SSLSocketFactory) SSLSocketFactory.getDefault(), taps));
    DefaultShardManagerBuilder builder =
        DefaultShardManagerBuilder.createLight(settings.token(), settings.intents())
            .setMemberCachePolicy(MemberCachePolicy.NONE)
            .setChunkingFilter(ChunkingFilter.NONE)
            .disableCache(EnumSet.allOf(CacheFlag.class))
            .setCompression(Compression.ZLIB)
            .setWebsocketFactory(sockets)
            .setSessionController(
                new ResumingSessionController(
                    sessions, settings.gatewayUrl(), settings.jdaIgnoredEvents()))
            .setEnableShutdownHook(false)
            .setBulkDeleteSplittingEnabled(false);
    settings
        .apiUrl()
        .ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(restBase(url))));
    settings.shardTotal().ifPresent(builder::setShardsTotal);
    if (!settings.shardIds().isEmpty()) {
      builder.setShards(settings.shardIds());
    }
    log.info("connecting gateway: {}", settings);
    shards = builder.build();
  }

  private void resumeFrom(GatewayCheckpoint checkpoint, GatewaySink sink) {
    log.info(
        "shard {}: resuming session from sequence {}", checkpoint.shardId(), checkpoint.sequence());
    sessions.resumeFrom(checkpoint);
    sink.onSessionResuming(
        checkpoint.shardId(),
        checkpoint.sessionId(),
        checkpoint.resumeUrl(),
        checkpoint.sequence());
  }

  /** {@code http://host:port/api} → {@code http://host:port/api/v10/} as JDA expects. */
  static String restBase(String apiUrl) {
    String base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    return base.matches(".*/v\\d+$") ? base + "/" : base + "/v10/";
  }

  @Override
  public void stopReading() {
    ShardManager manager = shards;
    if (manager == null) {
      return;
    }
    for (JDA jda : manager.getShardCache()) {
      JdaSessionInternals.closeResumable(jda);
    }
    // Wait until the sockets are really closed: frames still arriving are read (and published)
    // until then, and the caller flushes the publisher only after the last one.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline
        && manager.getShardCache().stream().anyMatch(JdaGatewaySource::stillOpen)) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static boolean stillOpen(JDA jda) {
    JDA.Status status = jda.getStatus();
    return status != JDA.Status.SHUTDOWN
        && status != JDA.Status.SHUTTING_DOWN
        && status != JDA.Status.DISCONNECTED
        && status != JDA.Status.FAILED_TO_LOGIN;
  }

  @Override
  public Map<Integer, Boolean> shardsConnected() {
    Map<Integer, Boolean> status = new TreeMap<>();
    ShardManager manager = shards;
    if (manager == null) {
      settings.shardIds().forEach(id -> status.put(id, false));
      return status;
    }
    for (JDA jda : manager.getShardCache()) {
      status.put(jda.getShardInfo().getShardId(), jda.getStatus() == JDA.Status.CONNECTED);
    }
    return status;
  }

  /** The shard manager, for the privileged-action executor that shares these connections. */
  public ShardManager shardManager() {
    return shards;
  }

  @Override
  public void close() {
    ShardManager manager = shards;
    if (manager != null) {
      manager.shutdown();
    }
  }
}
