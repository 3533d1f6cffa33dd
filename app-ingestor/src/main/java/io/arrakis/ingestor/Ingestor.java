package io.arrakis.ingestor;

import io.arrakis.app.Health;
import io.arrakis.app.OpsServer;
import io.arrakis.discord.GatewaySource;
import io.arrakis.ingestor.actions.ActionConsumers;
import io.arrakis.ingestor.actions.GlobalPacer;
import io.arrakis.ingestor.actions.HeldShards;
import io.arrakis.ingestor.actions.InvalidRequestGuard;
import io.arrakis.messaging.EventPublisher;
import io.arrakis.rabbitmq.RabbitMq;
import io.arrakis.redis.Redis;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestor process: gateway in, confirmed publishes out, checkpoints, privileged actions
 * executed from the action queues of the shards it holds, health.
 */
final class Ingestor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Ingestor.class);
  private static final long CHECKPOINT_FLUSH_MILLIS = 100;

  private final IngestorConfig config;
  private final GatewaySource gateway;
  private final RabbitMq rabbit;
  private final Redis redis;
  private final EventPublisher publisher;
  private final IngestorPipeline pipeline;
  private final CheckpointTracker checkpoints;
  private final HealthServerFactory healthServers;
  private final ActionConsumers actions;
  private final HeldShards heldShards;
  private final InvalidRequestGuard invalidRequests;
  private final GlobalPacer pacer;
  private OpsServer health;
  private final ScheduledExecutorService flusher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "checkpoint-flusher");
            t.setDaemon(true);
            return t;
          });

  @Inject
  Ingestor(
      IngestorConfig config,
      GatewaySource gateway,
      RabbitMq rabbit,
      Redis redis,
      EventPublisher publisher,
      IngestorPipeline pipeline,
      CheckpointTracker checkpoints,
      HealthServerFactory healthServers,
      ActionConsumers actions,
      HeldShards heldShards,
      InvalidRequestGuard invalidRequests,
      GlobalPacer pacer) {
    this.config = config;
    this.gateway = gateway;
    this.rabbit = rabbit;
    this.redis = redis;
    this.publisher = publisher;
    this.pipeline = pipeline;
    this.checkpoints = checkpoints;
    this.healthServers = healthServers;
    this.actions = actions;
    this.heldShards = heldShards;
    this.invalidRequests = invalidRequests;
    this.pacer = pacer;
  }

  void start() throws IOException {
    health = healthServers.create(this::report);
    health.start();
    flusher.scheduleWithFixedDelay(
        checkpoints::flush,
        CHECKPOINT_FLUSH_MILLIS,
        CHECKPOINT_FLUSH_MILLIS,
        TimeUnit.MILLISECONDS);
    gateway.start(pipeline);
    // After the gateway: without SHARD_COUNT, the shards held are known once it has logged in.
    actions.start(rabbit.consumer(), heldShards.shardIds());
    log.info("ingestor started: {}; health on port {}", config, health.port());
  }

  int healthPort() {
    return health.port();
  }

  Health report() {
    Map<String, Boolean> shards = new LinkedHashMap<>();
    gateway.shardsConnected().forEach((id, up) -> shards.put(Integer.toString(id), up));
    RabbitMq.Health broker = rabbit.health();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    boolean allShards =
        !shards.isEmpty() && shards.values().stream().allMatch(Boolean::booleanValue);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("shards_connected", shards);
    details.put("broker_channel_open", broker.publisherConnected());
    details.put("publish_buffer_depth", broker.publisherPending());
    details.put("redis_reachable", redis.isReachable());
    Map<String, Boolean> actionQueues = actions.consuming();
    InvalidRequestGuard.State guard = invalidRequests.state();
    details.put("action_queues_consuming", actionQueues);
    details.put("actions_invalid_request_guard", guard.name());
    details.put("actions_invalid_requests_10m", invalidRequests.lastCount());
    details.put("actions_pacing", pacer.pacingLocally() ? "local (Redis unreachable)" : "shared");
    details.put("heap_used_bytes", heap.getUsed());
    details.put("heap_max_bytes", heap.getMax());
    Health.Status status;
    if (!allShards || !broker.publisherConnected() || !actions.allConsuming()) {
      status = Health.Status.DOWN;
    } else if (guard != InvalidRequestGuard.State.NORMAL) {
      status = Health.Status.DEGRADED; // serving, but actions are slowed down or stopped
    } else {
      status = Health.Status.UP;
    }
    return new Health(status, details);
  }

  /**
   * Planned stop (SIGTERM): stop taking actions and let those in flight finish (they use the
   * gateway's REST connections), stop reading while keeping the sessions resumable, let the broker
   * confirm everything read, write the final checkpoints, then close.
   */
  @Override
  public void close() {
    log.info("stopping: no new actions, finishing those in flight");
    actions.close();
    log.info("stopping: closing gateway sessions resumably");
    gateway.stopReading();
    publisher.close(); // waits for the buffer to drain and the confirms to come in
    flusher.shutdown();
    try {
      flusher.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
    checkpoints.flush();
    gateway.close();
    rabbit.close();
    redis.close();
    if (health != null) {
      health.close();
    }
    log.info("stopped");
  }
}
