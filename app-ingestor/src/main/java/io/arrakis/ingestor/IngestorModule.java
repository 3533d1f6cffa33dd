package io.arrakis.ingestor;

import dagger.Module;
import dagger.Provides;
import io.arrakis.discord.GatewaySource;
import io.arrakis.discord.action.DiscordActionExecutor;
import io.arrakis.ingestor.actions.ActionConsumers;
import io.arrakis.ingestor.actions.ActionPipeline;
import io.arrakis.ingestor.actions.GlobalPacer;
import io.arrakis.ingestor.actions.GuildRoleSchedule;
import io.arrakis.ingestor.actions.HeldShards;
import io.arrakis.ingestor.actions.InvalidRequestGuard;
import io.arrakis.ingestor.actions.MemberChunkPublisher;
import io.arrakis.ingestor.actions.Sleeper;
import io.arrakis.jda.JdaGatewaySettings;
import io.arrakis.jda.JdaGatewaySource;
import io.arrakis.jda.actions.JdaActionExecutor;
import io.arrakis.messaging.ConsumerSettings;
import io.arrakis.messaging.EventPublisher;
import io.arrakis.messaging.RetryPolicy;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyNames;
import io.arrakis.rabbitmq.RabbitMq;
import io.arrakis.rabbitmq.RabbitMqSettings;
import io.arrakis.redis.Redis;
import io.arrakis.redis.RedisSettings;
import io.arrakis.state.GatewayCheckpointStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.stream.IntStream;
import javax.inject.Singleton;

/** Wires the ingestor's adapters; the only place that knows them all. */
@Module
final class IngestorModule {
  private IngestorModule() {}

  @Provides
  @Singleton
  static PrometheusMeterRegistry prometheus() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    registry
        .more()
        .counter(
            "arrakis.gateway.jda.handler.errors",
            java.util.List.of(),
            JdaHandlerErrorFilter.SUPPRESSED,
            java.util.concurrent.atomic.AtomicLong::get);
    return registry;
  }

  @Provides
  static MeterRegistry meterRegistry(PrometheusMeterRegistry registry) {
    return registry;
  }

  @Provides
  @Singleton
  static Topology topology(IngestorConfig config, TopologyNames names) {
    return Topology.of(names, config.topology(), RetryPolicy.STANDARD);
  }

  @Provides
  static TopologyNames names() {
    return TopologyNames.DEFAULT;
  }

  @Provides
  @Singleton
  static RabbitMq rabbit(IngestorConfig config, Topology topology, MeterRegistry registry) {
    RabbitMqSettings settings =
        RabbitMqSettings.defaults(config.rabbitUrl(), "ingestor")
            .withBufferCapacity(config.publishBuffer());
    try {
      return RabbitMq.start(settings, topology, registry);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  @Provides
  @Singleton
  static EventPublisher publisher(RabbitMq rabbit) {
    try {
      return rabbit.publisher();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  @Provides
  @Singleton
  static Redis redis(IngestorConfig config) {
    return Redis.connect(RedisSettings.defaults(config.redisUrl()));
  }

  @Provides
  @Singleton
  static GatewayCheckpointStore checkpointStore(Redis redis) {
    return redis.gatewayCheckpoints();
  }

  @Provides
  @Singleton
  static CheckpointTracker checkpoints(GatewayCheckpointStore store, MeterRegistry registry) {
    return new CheckpointTracker(store, registry);
  }

  @Provides
  @Singleton
  static IngestorPipeline pipeline(
      EventPublisher publisher, CheckpointTracker checkpoints, MeterRegistry registry) {
    return new IngestorPipeline(publisher, checkpoints, registry);
  }

  @Provides
  static GatewaySource gateway(JdaGatewaySource gateway) {
    return gateway;
  }

  @Provides
  @Singleton
  static JdaGatewaySource jdaGateway(
      IngestorConfig config, GatewayCheckpointStore checkpoints, MeterRegistry registry) {
    JdaGatewaySettings settings =
        new JdaGatewaySettings(
            config.botToken(),
            config.apiUrl(),
            config.gatewayUrl(),
            config.shardCount(),
            config.shardIds(),
            JdaGatewaySettings.DEFAULT_INTENTS,
            JdaGatewaySettings.DEFAULT_JDA_IGNORED_EVENTS);
    return new JdaGatewaySource(settings, checkpoints, registry);
  }

  /** {@code SHARD_IDS}, or with {@code SHARD_COUNT} unset all of the count the gateway learned. */
  @Provides
  static HeldShards heldShards(IngestorConfig config, JdaGatewaySource gateway) {
    return () -> {
      if (!config.shardIds().isEmpty()) {
        return config.shardIds();
      }
      int total = gateway.shardManager().getShardsTotal();
      if (total < 1) {
        throw new IllegalStateException("the gateway has not learned the shard count");
      }
      return IntStream.range(0, total).boxed().toList();
    };
  }

  @Provides
  @Singleton
  static InvalidRequestGuard invalidRequestGuard(
      IngestorConfig config, Redis redis, MeterRegistry registry) {
    return new InvalidRequestGuard(
        redis.rateLimiter(), config.actions(), Clock.systemUTC(), registry);
  }

  @Provides
  @Singleton
  static GlobalPacer globalPacer(IngestorConfig config, Redis redis, MeterRegistry registry) {
    return new GlobalPacer(
        redis.rateLimiter(), config.actions(), Clock.systemUTC(), Sleeper.system(), registry);
  }

  /** Executes actions with the bot token on the gateway's own JDA shards (their REST layer). */
  @Provides
  @Singleton
  static DiscordActionExecutor actionExecutor(
      JdaGatewaySource gateway, EventPublisher publisher, GlobalPacer pacer) {
    return new JdaActionExecutor(
        gateway::shardManager,
        ActionPipeline.EXECUTOR_TIMEOUT,
        new MemberChunkPublisher(publisher, pacer, Clock.systemUTC()));
  }

  @Provides
  @Singleton
  static ActionPipeline actionPipeline(
      DiscordActionExecutor executor,
      Redis redis,
      GlobalPacer pacer,
      InvalidRequestGuard guard,
      EventPublisher publisher,
      IngestorConfig config,
      MeterRegistry registry) {
    return new ActionPipeline(
        executor,
        redis.idempotencyClaims(),
        pacer,
        guard,
        publisher,
        new GuildRoleSchedule(config.rolePace(), Clock.systemUTC()),
        Sleeper.system(),
        Clock.systemUTC(),
        registry);
  }

  @Provides
  @Singleton
  static ActionConsumers actionConsumers(
      IngestorConfig config, Topology topology, RabbitMq rabbit, ActionPipeline pipeline) {
    ConsumerSettings settings =
        new ConsumerSettings(
            config.actions().prefetch(), config.actions().concurrency(), topology.retryPolicy());
    return new ActionConsumers(topology, rabbit::declare, settings, pipeline);
  }
}
