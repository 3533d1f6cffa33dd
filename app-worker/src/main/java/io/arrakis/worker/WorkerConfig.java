package io.arrakis.worker;

import io.arrakis.app.Environment;
import io.arrakis.messaging.TopologyProfile;
import io.arrakis.postgres.PostgresSettings;
import io.arrakis.state.StateKeys;
import io.arrakis.worker.jobs.JobOverrides;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The serving worker's configuration, read from the environment and validated as a whole
 * (architecture §7). It refuses {@code DISCORD_BOT_TOKEN}: the worker answers through interaction
 * tokens only and must never hold the bot token (architecture §5); only the {@code
 * register-commands} mode, run at deploy time, takes it.
 *
 * @param apiUrl Discord's REST base ({@code DISCORD_API_URL}; the emulator's in local runs)
 * @param prefetch deliveries the broker may push per queue ({@code WORKER_PREFETCH}, 10)
 * @param concurrency handler threads per queue ({@code WORKER_CONCURRENCY}, = prefetch)
 * @param shardCount the gateway's shard count ({@code SHARD_COUNT}, 1): routes a guild's actions to
 *     the queue of the ingestor holding its shard, so it must equal the ingestor's
 * @param jobsEnabled whether this worker runs the scheduled jobs ({@code JOBS_ENABLED}, true)
 * @param jobTick how often the scheduler looks for due periods ({@code JOB_TICK_SECONDS}, 15)
 * @param jobOverrides per-job schedule, lease TTL and test delay overrides (see {@link
 *     JobOverrides})
 * @param instanceId this worker in {@code job_runs} and job leases ({@code WORKER_INSTANCE_ID},
 *     host-pid)
 */
record WorkerConfig(
    URI apiUrl,
    URI rabbitUrl,
    TopologyProfile topology,
    URI redisUrl,
    PostgresSettings database,
    String healthHost,
    int healthPort,
    int prefetch,
    int concurrency,
    int shardCount,
    boolean jobsEnabled,
    Duration jobTick,
    JobOverrides jobOverrides,
    String instanceId) {

  static final String DISCORD_API = "https://discord.com/api";

  static WorkerConfig fromEnvironment(Map<String, String> variables) {
    Environment env = new Environment(variables);
    if (env.isSet("DISCORD_BOT_TOKEN")) {
      env.problem(
          "DISCORD_BOT_TOKEN is set, but the worker must never hold the bot token: unset it"
              + " (only the ingestor and `app-worker.jar register-commands` use it)");
    }
    URI apiUrl = env.url("DISCORD_API_URL", DISCORD_API, List.of("http", "https"));
    URI rabbitUrl =
        env.url("RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672/", List.of("amqp", "amqps"));
    TopologyProfile topology = TopologyProfile.CLASSIC_PRIORITY;
    try {
      topology = TopologyProfile.fromConfig(env.string("RABBITMQ_TOPOLOGY", "classic-priority"));
    } catch (IllegalArgumentException ex) {
      env.problem(ex.getMessage());
    }
    URI redisUrl = env.url("REDIS_URL", "redis://127.0.0.1:6379", List.of("redis", "rediss"));
    PostgresSettings database = null;
    try {
      database = PostgresSettings.fromEnvironment(variables);
    } catch (IllegalArgumentException ex) {
      env.problem(ex.getMessage());
    }
    String healthHost = env.string("HEALTH_HOST", "0.0.0.0");
    int healthPort = env.port("HEALTH_PORT", 8080);
    int prefetch = env.integer("WORKER_PREFETCH", 1, 10);
    int concurrency = env.integer("WORKER_CONCURRENCY", 1, prefetch);
    int shardCount = env.integer("SHARD_COUNT", 1, 1);
    boolean jobsEnabled = true;
    String enabled = env.string("JOBS_ENABLED", "true");
    if (enabled.equalsIgnoreCase("false")) {
      jobsEnabled = false;
    } else if (!enabled.equalsIgnoreCase("true")) {
      env.problem("JOBS_ENABLED must be true or false: " + enabled);
    }
    Duration jobTick = Duration.ofSeconds(env.integer("JOB_TICK_SECONDS", 1, 15));
    JobOverrides overrides = JobOverrides.NONE;
    try {
      overrides =
          JobOverrides.parse(
              Optional.ofNullable(variables.get("JOB_SCHEDULE_OVERRIDES")),
              Optional.ofNullable(variables.get("JOB_MAX_DURATION_OVERRIDES")),
              Optional.ofNullable(variables.get("JOB_TEST_DELAY")));
    } catch (IllegalArgumentException ex) {
      env.problem(ex.getMessage());
    }
    String instanceId = env.string("WORKER_INSTANCE_ID", defaultInstanceId());
    try {
      StateKeys.segment("WORKER_INSTANCE_ID", instanceId);
    } catch (IllegalArgumentException ex) {
      env.problem(ex.getMessage());
    }
    env.validate();
    return new WorkerConfig(
        apiUrl,
        rabbitUrl,
        topology,
        redisUrl,
        database,
        healthHost,
        healthPort,
        prefetch,
        concurrency,
        shardCount,
        jobsEnabled,
        jobTick,
        overrides,
        instanceId);
  }

  /** host-pid: unique per process, and readable in {@code job_runs}. */
  static String defaultInstanceId() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException ex) {
      host = "worker";
    }
    String safe = host.replaceAll("[^A-Za-z0-9._-]", "_");
    return (safe.length() > 150 ? safe.substring(0, 150) : safe)
        + "-"
        + ProcessHandle.current().pid();
  }

  /**
   * Host, port and database of a JDBC URL, nothing else: a URL may carry credentials before the
   * host or as parameters ({@code ?password=…}), and this string is logged.
   */
  static String databaseLocation(String jdbcUrl) {
    try {
      URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
      return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath();
    } catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
      return "(unparseable URL)";
    }
  }

  @Override
  public String toString() {
    // URLs may carry passwords: show hosts only
    return "WorkerConfig[api "
        + apiUrl.getHost()
        + ", broker "
        + rabbitUrl.getHost()
        + ", redis "
        + redisUrl.getHost()
        + ", database "
        + databaseLocation(database.jdbcUrl())
        + ", topology "
        + topology.configName()
        + ", prefetch "
        + prefetch
        + ", concurrency "
        + concurrency
        + ", shards "
        + shardCount
        + ", jobs "
        + (jobsEnabled
            ? "on (tick " + jobTick.toSeconds() + " s, instance " + instanceId + ")"
            : "off")
        + ", health "
        + healthHost
        + ":"
        + healthPort
        + "]";
  }
}
