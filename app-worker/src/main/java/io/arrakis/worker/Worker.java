package io.arrakis.worker;

import io.arrakis.app.Health;
import io.arrakis.app.OpsServer;
import io.arrakis.messaging.ConsumerSettings;
import io.arrakis.messaging.EventConsumer;
import io.arrakis.messaging.EventPublisher;
import io.arrakis.messaging.Subscription;
import io.arrakis.postgres.Postgres;
import io.arrakis.rabbitmq.RabbitMq;
import io.arrakis.redis.Redis;
import io.arrakis.worker.jobs.JobService;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving worker: consumes the interaction and guild-event queues, runs the scheduled jobs
 * (unless {@code JOBS_ENABLED=false}), serves {@code /health} and {@code /metrics}, and stops
 * gracefully (stop consuming, finish and ack in-flight work, close).
 */
final class Worker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  private final WorkerConfig config;
  private final RabbitMq rabbit;
  private final EventPublisher publisher;
  private final Redis redis;
  private final Postgres postgres;
  private final InteractionPipeline interactions;
  private final GuildEventPipeline events;
  private final CircuitBreaker database;
  private final CircuitBreaker discord;
  private final PrometheusMeterRegistry metrics;
  private final JobService jobs;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private EventConsumer consumer;
  private OpsServer ops;

  @Inject
  Worker(
      WorkerConfig config,
      RabbitMq rabbit,
      EventPublisher publisher,
      Redis redis,
      Postgres postgres,
      InteractionPipeline interactions,
      GuildEventPipeline events,
      @Named("database") CircuitBreaker database,
      @Named("discord") CircuitBreaker discord,
      PrometheusMeterRegistry metrics,
      JobService jobs) {
    this.config = config;
    this.rabbit = rabbit;
    this.publisher = publisher;
    this.redis = redis;
    this.postgres = postgres;
    this.interactions = interactions;
    this.events = events;
    this.database = database;
    this.discord = discord;
    this.metrics = metrics;
    this.jobs = jobs;
  }

  void start() throws IOException {
    ops = new OpsServer(config.healthHost(), config.healthPort(), this::health, metrics);
    ops.start();
    consumer = rabbit.consumer();
    ConsumerSettings settings =
        new ConsumerSettings(
            config.prefetch(), config.concurrency(), rabbit.topology().retryPolicy());
    subscriptions.add(
        consumer.subscribe(rabbit.topology().names().interactionsQueue(), settings, interactions));
    subscriptions.add(
        consumer.subscribe(rabbit.topology().names().guildEventsQueue(), settings, events));
    if (config.jobsEnabled()) {
      jobs.start();
    }
    log.info("worker started: {}; health on port {}", config, ops.port());
  }

  /** The scheduled jobs, for the operator's {@code run-job} (which does not start serving). */
  JobService jobs() {
    return jobs;
  }

  int healthPort() {
    return ops.port();
  }

  /**
   * DOWN (503) when a queue is not being consumed; DEGRADED (200) when Redis is unreachable or the
   * database or Discord breaker is open: the worker still answers, with reduced function.
   */
  Health health() {
    Map<String, Object> details = new LinkedHashMap<>();
    Map<String, Boolean> queues = new LinkedHashMap<>();
    subscriptions.forEach(s -> queues.put(s.queue(), s.isConsuming()));
    boolean consuming = !queues.isEmpty() && queues.values().stream().allMatch(b -> b);
    boolean redisUp = redis.isReachable();
    details.put("queues_consuming", queues);
    details.put("redis_reachable", redisUp);
    details.put("database_circuit", database.getState().name());
    details.put("discord_rest_circuit", discord.getState().name());
    details.put("actions_pending_confirm", publisher.pendingCount());
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    details.put("heap_used_bytes", heap.getUsed());
    details.put("heap_max_bytes", heap.getMax());
    Health.Status status;
    if (!consuming) {
      status = Health.Status.DOWN;
    } else if (!redisUp
        || database.getState() == CircuitBreaker.State.OPEN
        || discord.getState() == CircuitBreaker.State.OPEN) {
      status = Health.Status.DEGRADED;
    } else {
      status = Health.Status.UP;
    }
    return new Health(status, details);
  }

  @Override
  public void close() {
    log.info("stopping: no new deliveries or job runs, finishing in-flight work");
    jobs.close(); // stops ticking, lets running jobs finish (their leases are released)
    if (consumer != null) {
      consumer.close(); // cancels, lets in-flight handlers finish and ack
    }
    publisher.close(); // waits for queued actions to be confirmed
    rabbit.close();
    postgres.close();
    redis.close();
    if (ops != null) {
      ops.close();
    }
    log.info("stopped");
  }
}
