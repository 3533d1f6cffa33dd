package io.arrakis.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.arrakis.app.ConfigException;
import io.arrakis.messaging.TopologyProfile;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker's environment: defaults, validation as a whole, the bot token refused, no secrets. */
class WorkerConfigTest {
  private static final String DB_PASSWORD = "db-pass-7Qx";

  /** The least a serving worker needs: the database password (the one secret without default). */
  private static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_PASSWORD", DB_PASSWORD);
    return env;
  }

  private static ConfigException refused(Map<String, String> env) {
    return catchThrowableOfType(ConfigException.class, () -> WorkerConfig.fromEnvironment(env));
  }

  @Test
  void givenOnlyTheDatabasePassword_fromEnvironment_appliesEveryDefault() {
    WorkerConfig config = WorkerConfig.fromEnvironment(minimal());

    assertThat(config.apiUrl()).isEqualTo(URI.create("https://discord.com/api"));
    assertThat(config.rabbitUrl()).isEqualTo(URI.create("amqp://guest:guest@127.0.0.1:5672/"));
    assertThat(config.topology()).isEqualTo(TopologyProfile.CLASSIC_PRIORITY);
    assertThat(config.redisUrl()).isEqualTo(URI.create("redis://127.0.0.1:6379"));
    assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/sietch");
    assertThat(config.database().user()).isEqualTo("sietch_app");
    assertThat(config.database().password()).isEqualTo(DB_PASSWORD);
    assertThat(config.healthHost()).isEqualTo("0.0.0.0");
    assertThat(config.healthPort()).isEqualTo(8080);
    assertThat(config.prefetch()).isEqualTo(10);
    assertThat(config.concurrency()).isEqualTo(10);
    assertThat(config.shardCount()).isEqualTo(1);
  }

  @Test
  void givenEveryVariable_fromEnvironment_readsThem() {
    Map<String, String> env = minimal();
    env.put("DISCORD_API_URL", "http://127.0.0.1:8090/api");
    env.put("RABBITMQ_URL", "amqps://worker:pw@mq.example:5671/");
    env.put("RABBITMQ_TOPOLOGY", "quorum");
    env.put("REDIS_URL", "rediss://cache.example:6380");
    env.put("DATABASE_URL", "jdbc:postgresql://db.example:5432/arrakis");
    env.put("DATABASE_USER", "worker");
    env.put("HEALTH_HOST", "127.0.0.1");
    env.put("HEALTH_PORT", "9091");
    env.put("WORKER_PREFETCH", "32");
    env.put("WORKER_CONCURRENCY", "4");
    env.put("SHARD_COUNT", "8");

    WorkerConfig config = WorkerConfig.fromEnvironment(env);

    assertThat(config.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8090/api"));
    assertThat(config.rabbitUrl().getHost()).isEqualTo("mq.example");
    assertThat(config.topology()).isEqualTo(TopologyProfile.QUORUM);
    assertThat(config.redisUrl().getPort()).isEqualTo(6380);
    assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/arrakis");
    assertThat(config.database().user()).isEqualTo("worker");
    assertThat(config.healthHost()).isEqualTo("127.0.0.1");
    assertThat(config.healthPort()).isEqualTo(9091);
    assertThat(config.prefetch()).isEqualTo(32);
    assertThat(config.concurrency()).isEqualTo(4);
    assertThat(config.shardCount()).isEqualTo(8);
  }

  @Test
  void givenOnlyAPrefetch_concurrency_defaultsToThePrefetch() {
    Map<String, String> env = minimal();
    env.put("WORKER_PREFETCH", "25");

    assertThat(WorkerConfig.fromEnvironment(env).concurrency()).isEqualTo(25);
  }

  @Test
  void givenManyBadVariables_fromEnvironment_reportsThemAllInOneConfigException() {
    Map<String, String> env = new HashMap<>(); // DATABASE_PASSWORD missing too
    env.put("DISCORD_API_URL", "ftp://discord.example/api");
    env.put("RABBITMQ_URL", "http://mq.example:5672/");
    env.put("RABBITMQ_TOPOLOGY", "mirrored");
    env.put("REDIS_URL", "localhost:6379");
    env.put("HEALTH_PORT", "70000");
    env.put("WORKER_PREFETCH", "0");
    env.put("WORKER_CONCURRENCY", "many");
    env.put("SHARD_COUNT", "-1");

    ConfigException ex = refused(env);

    assertThat(ex).isNotNull();
    assertThat(ex.problems()).hasSize(9);
    for (String variable :
        new String[] {
          "DISCORD_API_URL",
          "RABBITMQ_URL",
          "REDIS_URL",
          "DATABASE_PASSWORD",
          "HEALTH_PORT",
          "WORKER_PREFETCH",
          "WORKER_CONCURRENCY",
          "SHARD_COUNT"
        }) {
      assertThat(ex.problems()).as(variable).anyMatch(p -> p.contains(variable));
      assertThat(ex.getMessage()).contains(variable);
    }
    assertThat(ex.problems()).anyMatch(p -> p.contains("mirrored"));
  }

  @Test
  void givenTheBotToken_fromEnvironment_refusesToStartBecauseTheWorkerMustNeverHoldIt() {
    String botToken = "MTIwMDAwMDAwMDAwMDAwMDAwMQ.bot-token-secret";
    Map<String, String> env = minimal();
    env.put("DISCORD_BOT_TOKEN", botToken);

    ConfigException ex = refused(env);

    assertThat(ex).as("a worker given the bot token must not start").isNotNull();
    assertThat(ex.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem).contains("DISCORD_BOT_TOKEN");
              assertThat(problem).contains("must never hold the bot token");
            });
    assertThat(ex.getMessage()).doesNotContain(botToken);
  }

  @Test
  void givenTheBotTokenAndOtherProblems_fromEnvironment_reportsTheTokenAmongThem() {
    Map<String, String> env = new HashMap<>();
    env.put("DISCORD_BOT_TOKEN", "secret");
    env.put("HEALTH_PORT", "http");

    ConfigException ex = refused(env);

    assertThat(ex.problems()).hasSize(3);
    assertThat(ex.problems().get(0)).contains("DISCORD_BOT_TOKEN");
    assertThat(ex.problems()).anyMatch(p -> p.contains("HEALTH_PORT"));
    assertThat(ex.problems()).anyMatch(p -> p.contains("DATABASE_PASSWORD"));
  }

  @Test
  void givenABlankBotToken_fromEnvironment_startsAsIfUnset() {
    Map<String, String> env = minimal();
    env.put("DISCORD_BOT_TOKEN", "   ");

    assertThat(WorkerConfig.fromEnvironment(env).prefetch()).isEqualTo(10);
  }

  @Test
  void givenPasswordsEverywhere_toString_showsHostsButNoPassword() {
    Map<String, String> env = minimal();
    env.put("RABBITMQ_URL", "amqps://worker:rabbit-pass-9Zk@mq.example:5671/arrakis");
    env.put("REDIS_URL", "rediss://default:redis-pass-4Wp@cache.example:6380");
    env.put("DATABASE_URL", "jdbc:postgresql://app:url-pass-2Rt@db.example:5432/sietch");

    String shown = WorkerConfig.fromEnvironment(env).toString();

    assertThat(shown)
        .contains("mq.example", "cache.example", "db.example")
        .doesNotContain(DB_PASSWORD, "rabbit-pass-9Zk", "redis-pass-4Wp", "url-pass-2Rt");
  }

  @Test
  void givenMalformedUrlsWithPasswords_configException_neverEchoesThePassword() {
    Map<String, String> env = minimal();
    env.put("RABBITMQ_URL", "http://worker:rabbit-pass-9Zk@mq.example:5672/");
    env.put("REDIS_URL", "tcp://:redis-pass-4Wp@cache.example:6379");

    ConfigException ex = refused(env);

    assertThat(ex.problems()).hasSize(2);
    assertThat(ex.getMessage()).doesNotContain("rabbit-pass-9Zk", "redis-pass-4Wp", DB_PASSWORD);
  }

  @Test
  void givenPasswordAsJdbcUrlParameter_toString_doesNotShowIt() {
    Map<String, String> env = minimal();
    env.put(
        "DATABASE_URL", "jdbc:postgresql://db.example:5432/sietch?user=app&password=url-pass-2Rt");

    String shown = WorkerConfig.fromEnvironment(env).toString();

    assertThat(shown).contains("db.example").doesNotContain("url-pass-2Rt");
  }

  @Test
  void givenNoJobVariables_thenJobsRunEveryFifteenSecondsAsHostPid() {
    WorkerConfig config = WorkerConfig.fromEnvironment(minimal());

    assertThat(config.jobsEnabled()).isTrue();
    assertThat(config.jobTick()).isEqualTo(java.time.Duration.ofSeconds(15));
    assertThat(config.instanceId()).endsWith("-" + ProcessHandle.current().pid());
    assertThat(config.jobOverrides()).isEqualTo(io.arrakis.worker.jobs.JobOverrides.NONE);
  }

  @Test
  void givenJobVariables_thenTheyAreReadAndBadOnesNamedTogether() {
    Map<String, String> env = minimal();
    env.put("JOBS_ENABLED", "false");
    env.put("JOB_TICK_SECONDS", "2");
    env.put("WORKER_INSTANCE_ID", "worker-7");
    env.put("JOB_SCHEDULE_OVERRIDES", "badge-check=*/5 * * * * *");
    WorkerConfig config = WorkerConfig.fromEnvironment(env);
    assertThat(config.jobsEnabled()).isFalse();
    assertThat(config.jobTick()).isEqualTo(java.time.Duration.ofSeconds(2));
    assertThat(config.instanceId()).isEqualTo("worker-7");
    assertThat(config.jobOverrides().schedules()).containsEntry("badge-check", "*/5 * * * * *");

    env.put("JOBS_ENABLED", "sometimes");
    env.put("JOB_TEST_DELAY", "badge-check=later");
    env.put("WORKER_INSTANCE_ID", "no spaces");
    ConfigException refused = refused(env);
    assertThat(refused.getMessage())
        .contains("JOBS_ENABLED")
        .contains("JOB_TEST_DELAY")
        .contains("WORKER_INSTANCE_ID");
  }
}
