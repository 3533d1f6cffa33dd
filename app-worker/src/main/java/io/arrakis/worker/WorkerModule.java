package io.arrakis.worker;

import dagger.Module;
import dagger.Provides;
import io.arrakis.bot.BotPorts;
import io.arrakis.bot.CommandGate;
import io.arrakis.bot.CommunityDirectory;
import io.arrakis.bot.GuildEventHandler;
import io.arrakis.bot.InteractionDispatcher;
import io.arrakis.bot.SietchHandlers;
import io.arrakis.bot.SnapshotCache;
import io.arrakis.bot.SyncRequests;
import io.arrakis.bot.Transactions;
import io.arrakis.bot.events.GatewayEventHandlers;
import io.arrakis.bot.events.MirroredMemberRoles;
import io.arrakis.bot.jobs.ScheduledJob;
import io.arrakis.bot.jobs.SietchJobs;
import io.arrakis.discord.InteractionResponder;
import io.arrakis.discord.action.DiscordActions;
import io.arrakis.domain.port.MemberRoles;
import io.arrakis.domain.port.Repositories;
import io.arrakis.jda.actions.QueuedDiscordActions;
import io.arrakis.jda.events.JsonGatewayEventDecoder;
import io.arrakis.jda.responder.InteractionResponders;
import io.arrakis.messaging.EventPublisher;
import io.arrakis.messaging.RetryPolicy;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyNames;
import io.arrakis.postgres.Postgres;
import io.arrakis.rabbitmq.RabbitMq;
import io.arrakis.rabbitmq.RabbitMqSettings;
import io.arrakis.redis.Redis;
import io.arrakis.redis.RedisSettings;
import io.arrakis.state.IdempotencyClaims;
import io.arrakis.worker.jobs.JobService;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.inject.Named;
import javax.inject.Singleton;

/** Wires the worker's adapters; the only place that knows them all. */
@Module
final class WorkerModule {
  /** Redis calls sit on the 3-second path: fail fast and degrade rather than wait. */
  static final Duration REDIS_TIMEOUT = Duration.ofMillis(250);

  /** How long a command waits for its actions to be confirmed by the broker. */
  static final Duration ACTION_TIMEOUT = Duration.ofMillis(1500);

  private WorkerModule() {}

  @Provides
  @Singleton
  static PrometheusMeterRegistry prometheus() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    return registry;
  }

  @Provides
  static MeterRegistry meterRegistry(PrometheusMeterRegistry registry) {
    return registry;
  }

  @Provides
  static Clock clock() {
    return Clock.systemUTC();
  }

  @Provides
  @Singleton
  static Topology topology(WorkerConfig config) {
    return Topology.of(TopologyNames.DEFAULT, config.topology(), RetryPolicy.STANDARD);
  }

  /**
   * The broker, with the whole topology declared, including every shard's action queue: actions
   * published before an ingestor holds the shard wait in its queue instead of being unroutable.
   */
  @Provides
  @Singleton
  static RabbitMq rabbit(WorkerConfig config, Topology topology, MeterRegistry registry) {
    try {
      RabbitMq rabbit =
          RabbitMq.start(
              RabbitMqSettings.defaults(config.rabbitUrl(), "worker"), topology, registry);
      for (int shard = 0; shard < config.shardCount(); shard++) {
        rabbit.declare(topology.shardActions(shard));
      }
      return rabbit;
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
  static DiscordActions actions(EventPublisher publisher, WorkerConfig config) {
    return new QueuedDiscordActions(publisher, config.shardCount());
  }

  @Provides
  @Singleton
  static Redis redis(WorkerConfig config) {
    return Redis.connect(RedisSettings.defaults(config.redisUrl()).withTimeout(REDIS_TIMEOUT));
  }

  @Provides
  @Singleton
  static IdempotencyClaims claims(Redis redis) {
    return redis.idempotencyClaims();
  }

  @Provides
  @Singleton
  static Postgres postgres(WorkerConfig config) {
    return Postgres.connect(config.database());
  }

  /** Each community's current ranking, held while its snapshot id is unchanged. */
  @Provides
  @Singleton
  static SnapshotCache snapshots(Postgres postgres, MeterRegistry registry) {
    SnapshotCache cache =
        new SnapshotCache(postgres.repositories().eligibility(), SnapshotCache.DEFAULT_MAX_ENTRIES);
    cacheCounters(
        registry,
        "arrakis.worker.ranking.cache",
        cache,
        SnapshotCache::hits,
        SnapshotCache::misses);
    return cache;
  }

  @Provides
  static Repositories repositories(Postgres postgres, SnapshotCache snapshots) {
    return snapshots.around(postgres.repositories());
  }

  /**
   * Guild → community, held {@link CommunityDirectory#DEFAULT_TTL}: config changes take that long.
   */
  @Provides
  @Singleton
  static CommunityDirectory directory(
      Repositories repositories, Transactions transactions, Clock clock, MeterRegistry registry) {
    CommunityDirectory directory =
        new CommunityDirectory(
            repositories.communities(),
            transactions,
            clock,
            CommunityDirectory.DEFAULT_TTL,
            CommunityDirectory.DEFAULT_MAX_GUILDS);
    cacheCounters(
        registry,
        "arrakis.worker.community.cache",
        directory,
        CommunityDirectory::hits,
        CommunityDirectory::misses);
    return directory;
  }

  private static <T> void cacheCounters(
      MeterRegistry registry,
      String name,
      T cache,
      java.util.function.ToDoubleFunction<T> hits,
      java.util.function.ToDoubleFunction<T> misses) {
    FunctionCounter.builder(name, cache, hits)
        .tag("result", "hit")
        .description("lookups answered from memory")
        .register(registry);
    FunctionCounter.builder(name, cache, misses)
        .tag("result", "miss")
        .description("lookups that read the database")
        .register(registry);
  }

  @Provides
  @Singleton
  @Named("database")
  static CircuitBreaker databaseBreaker() {
    return CircuitBreaker.of(
        "postgres",
        CircuitBreakerConfig.custom()
            .recordException(GuardedTransactions::isDatabaseFault)
            .slidingWindowSize(20)
            .minimumNumberOfCalls(10)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(5))
            .build());
  }

  @Provides
  @Singleton
  @Named("discord")
  static CircuitBreaker discordBreaker() {
    return CircuitBreaker.of(
        "discord-rest",
        CircuitBreakerConfig.custom()
            .slidingWindowSize(50)
            .minimumNumberOfCalls(20)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(5))
            .build());
  }

  @Provides
  @Singleton
  static Transactions transactions(Postgres postgres, @Named("database") CircuitBreaker breaker) {
    return new GuardedTransactions(postgres.unitOfWork(), breaker);
  }

  @Provides
  @Singleton
  static InteractionResponder responder(
      WorkerConfig config, MeterRegistry registry, @Named("discord") CircuitBreaker breaker) {
    return new GuardedResponder(
        InteractionResponders.http(config.apiUrl(), Duration.ofSeconds(2), registry), breaker);
  }

  /** What every handler is built from: one set for commands, controls, events and jobs. */
  @Provides
  @Singleton
  static BotPorts botPorts(
      Repositories repositories,
      Postgres postgres,
      Redis redis,
      SyncRequests syncRequests,
      Clock clock) {
    return new BotPorts(
        repositories,
        postgres.burners(),
        redis.sessions(),
        redis.cooldowns(),
        redis.rateLimiter(),
        redis.leases(),
        syncRequests,
        clock);
  }

  /** The setup wizard's "run the first sync now" (spec §15.12), on this worker. */
  @Provides
  @Singleton
  static SyncRequests syncRequests(
      io.arrakis.bot.sync.EligibilitySyncJob sync,
      Repositories repositories,
      Transactions transactions) {
    return new ImmediateSync(sync, repositories.communities(), transactions);
  }

  @Provides
  static SietchHandlers handlers(BotPorts ports) {
    return new SietchHandlers(ports);
  }

  /** The scheduled jobs of spec §18; one line per job family. */
  @Provides
  static List<ScheduledJob> jobs(
      Repositories repositories,
      Postgres postgres,
      DiscordActions actions,
      MemberRoles memberRoles,
      Transactions transactions,
      Clock clock,
      io.arrakis.bot.sync.EligibilitySyncJob eligibilitySync) {
    List<ScheduledJob> jobs = new java.util.ArrayList<>();
    jobs.addAll(
        SietchJobs.standard(
            repositories, postgres.weeklyDigests(), actions, memberRoles, transactions, clock));
    jobs.add(eligibilitySync);
    return List.copyOf(jobs);
  }

  /** The 6-hourly sync (spec §3): chain reads over EVM_RPC_URLS*, effects as actions. */
  @Provides
  @Singleton
  static io.arrakis.bot.sync.EligibilitySyncJob eligibilitySync(
      Repositories repositories,
      Transactions transactions,
      Redis redis,
      MemberRoles memberRoles,
      DiscordActions actions,
      WorkerConfig config,
      Clock clock) {
    io.arrakis.bot.sync.EffectPerformer performer =
        new io.arrakis.bot.sync.EffectPerformer(
            repositories,
            new io.arrakis.bot.sync.AlertDelivery(repositories),
            new io.arrakis.bot.sync.ChannelPosts(
                n -> java.util.concurrent.ThreadLocalRandom.current().nextInt(n)),
            new io.arrakis.bot.events.OnboardingInvite(repositories, redis.sessions())
                ::inviteNewlyEligible,
            actions,
            transactions,
            Duration.ofSeconds(30),
            java.util.UUID::randomUUID);
    return new io.arrakis.bot.sync.EligibilitySyncJob(
        repositories,
        transactions,
        redis.leases(),
        new EvmHoldingsSource(System.getenv()),
        memberRoles,
        performer,
        clock,
        config.instanceId(),
        pause -> Thread.sleep(pause.toMillis()));
  }

  @Provides
  @Singleton
  static JobService jobService(
      List<ScheduledJob> jobs,
      WorkerConfig config,
      Redis redis,
      Postgres postgres,
      MeterRegistry registry,
      Clock clock) {
    return JobService.create(
        jobs,
        config.jobOverrides(),
        redis.leases(),
        postgres.jobRuns(),
        registry,
        clock,
        config.instanceId(),
        config.jobTick());
  }

  @Provides
  static List<GuildEventHandler> eventHandlers(
      @Named("gateway-events") List<GuildEventHandler> gatewayEvents,
      @Named("alert-outcomes") List<GuildEventHandler> alertOutcomes,
      @Named("setup-creations") List<GuildEventHandler> setupCreations) {
    List<GuildEventHandler> handlers = new java.util.ArrayList<>();
    handlers.addAll(gatewayEvents);
    handlers.addAll(alertOutcomes);
    handlers.addAll(setupCreations);
    return List.copyOf(handlers);
  }

  /**
   * Roles and channels the setup wizard or a migration created, mapped as the gateway reports them.
   */
  @Provides
  @Named("setup-creations")
  static List<GuildEventHandler> setupCreationHandlers(
      BotPorts ports, Transactions transactions, CommunityDirectory directory) {
    return io.arrakis.bot.setup.CreatedEntityHandler.both(
        new JsonGatewayEventDecoder(), ports, transactions, directory);
  }

  /** The gateway events of spec §17, which also keep the guild member mirror. */
  @Provides
  @Named("gateway-events")
  static List<GuildEventHandler> gatewayEventHandlers(
      BotPorts ports,
      Postgres postgres,
      Transactions transactions,
      CommunityDirectory directory,
      DiscordActions actions) {
    return new GatewayEventHandlers(
            ports,
            postgres.guildMembers(),
            postgres.guildPresence(),
            transactions,
            directory,
            actions,
            new JsonGatewayEventDecoder())
        .all();
  }

  /** The managed roles guild members hold, from the member mirror (spec §4.4 "actual"). */
  @Provides
  static MemberRoles memberRoles(Repositories repositories, Postgres postgres) {
    return new MirroredMemberRoles(postgres.guildMembers(), repositories.communities());
  }

  /** ACTION_DONE / ACTION_FAILED of alert DMs: delivered, or the error (spec §13.3). */
  @Provides
  @Named("alert-outcomes")
  static List<GuildEventHandler> alertOutcomeHandlers(
      Repositories repositories, Transactions transactions, Clock clock) {
    io.arrakis.bot.sync.AlertDelivery delivery =
        new io.arrakis.bot.sync.AlertDelivery(repositories);
    return List.of(
        io.arrakis.bot.sync.AlertDmOutcomeHandler.delivered(delivery, transactions, clock),
        io.arrakis.bot.sync.AlertDmOutcomeHandler.failed(delivery, transactions, clock));
  }

  @Provides
  @Singleton
  static InteractionDispatcher dispatcher(
      SietchHandlers handlers,
      InteractionResponder responder,
      DiscordActions actions,
      CommunityDirectory directory,
      Transactions transactions,
      Redis redis,
      Clock clock) {
    return new InteractionDispatcher(
        handlers.commands(),
        handlers.components(),
        handlers.completions(),
        responder,
        actions,
        directory,
        new CommandGate(redis.cooldowns(), redis.rateLimiter(), clock),
        transactions,
        clock,
        ACTION_TIMEOUT);
  }

  @Provides
  @Singleton
  static InteractionPipeline interactions(
      InteractionDispatcher dispatcher,
      IdempotencyClaims claims,
      Clock clock,
      MeterRegistry registry) {
    return new InteractionPipeline(dispatcher, claims, clock, registry);
  }

  @Provides
  @Singleton
  static GuildEventPipeline events(
      List<GuildEventHandler> handlers, IdempotencyClaims claims, MeterRegistry registry) {
    return new GuildEventPipeline(handlers, claims, registry);
  }
}
