package io.arrakis.ingestor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.app.ConfigException;
import io.arrakis.ingestor.actions.ActionSettings;
import io.arrakis.messaging.TopologyProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestorConfigTest {

  @Test
  void givenOnlyTheToken_thenEverythingElseHasItsDefault() {
    IngestorConfig c = IngestorConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "secret"));
    assertThat(c.rabbitUrl().toString()).isEqualTo("amqp://guest:guest@127.0.0.1:5672/");
    assertThat(c.redisUrl().toString()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(c.topology()).isEqualTo(TopologyProfile.CLASSIC_PRIORITY);
    assertThat(c.healthPort()).isEqualTo(8080);
    assertThat(c.shardIds()).isEmpty();
    assertThat(c.shardCount()).isEmpty();
    assertThat(c.actions()).isEqualTo(ActionSettings.DEFAULTS);
    assertThat(c.toString()).doesNotContain("secret");
  }

  @Test
  void givenNoActionVariables_thenTheDocumentedDefaults() {
    ActionSettings a = IngestorConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "t")).actions();
    assertThat(a.ratePerSecond()).isEqualTo(40);
    assertThat(a.prefetch()).isEqualTo(10);
    assertThat(a.concurrency()).isEqualTo(4);
    assertThat(a.ingestorCount()).isEqualTo(1);
    assertThat(a.invalidSlowAt()).isEqualTo(1_000);
    assertThat(a.invalidStopAt()).isEqualTo(5_000);
    assertThat(a.slowdown()).isEqualTo(Duration.ofSeconds(1));
    assertThat(a.localRatePerSecond()).isEqualTo(40);
  }

  @Test
  void givenTheGuildRoleBucketVariables_thenTheyAreReadAndDefaultToDiscordsTenPerTenSeconds() {
    IngestorConfig c =
        IngestorConfig.fromEnvironment(
            Map.of(
                "DISCORD_BOT_TOKEN", "t",
                "ACTION_GUILD_ROLE_CHANGES", "50",
                "ACTION_GUILD_ROLE_WINDOW_MS", "1000"));
    assertThat(c.rolePace())
        .isEqualTo(new io.arrakis.ingestor.actions.GuildRolePace(50, Duration.ofSeconds(1)));
    assertThat(c.rolePace().interval()).isEqualTo(Duration.ofMillis(20));
    assertThat(IngestorConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "t")).rolePace())
        .isEqualTo(io.arrakis.ingestor.actions.GuildRolePace.DISCORD);
  }

  @Test
  void givenActionVariables_thenTheyAreRead() {
    IngestorConfig c =
        IngestorConfig.fromEnvironment(
            Map.of(
                "DISCORD_BOT_TOKEN", "t",
                "ACTION_RATE_PER_SECOND", "40",
                "ACTION_PREFETCH", "20",
                "ACTION_CONCURRENCY", "8",
                "INGESTOR_COUNT", "3",
                "ACTION_INVALID_SLOW_AT", "500",
                "ACTION_INVALID_STOP_AT", "2000",
                "ACTION_INVALID_SLOWDOWN_MS", "250"));
    assertThat(c.actions())
        .isEqualTo(new ActionSettings(40, 20, 8, 3, 500, 2_000, Duration.ofMillis(250)));
    assertThat(c.actions().localRatePerSecond()).isEqualTo(13);
    assertThat(c.toString()).contains("actions 40/s shared");
  }

  @Test
  void givenBadActionVariables_thenOneErrorNamesEveryOne() {
    Map<String, String> env =
        Map.of(
            "DISCORD_BOT_TOKEN", "t",
            "ACTION_RATE_PER_SECOND", "60",
            "ACTION_PREFETCH", "0",
            "ACTION_CONCURRENCY", "many",
            "INGESTOR_COUNT", "0",
            "ACTION_INVALID_SLOW_AT", "2000",
            "ACTION_INVALID_STOP_AT", "1500",
            "ACTION_INVALID_SLOWDOWN_MS", "-1");
    assertThatThrownBy(() -> IngestorConfig.fromEnvironment(env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            ex -> {
              assertThat(ex.problems()).hasSize(6);
              assertThat(ex.getMessage())
                  .contains("ACTION_RATE_PER_SECOND must be at most 50")
                  .contains("ACTION_PREFETCH must be at least 1")
                  .contains("ACTION_CONCURRENCY must be a whole number")
                  .contains("INGESTOR_COUNT must be at least 1")
                  .contains("ACTION_INVALID_STOP_AT must be above ACTION_INVALID_SLOW_AT (2000)")
                  .contains("ACTION_INVALID_SLOWDOWN_MS must be at least 0");
            });
  }

  @Test
  void givenASlowdownLongerThanHalfAMinute_thenAnError() {
    assertThatThrownBy(
            () ->
                IngestorConfig.fromEnvironment(
                    Map.of("DISCORD_BOT_TOKEN", "t", "ACTION_INVALID_SLOWDOWN_MS", "30001")))
        .hasMessageContaining("ACTION_INVALID_SLOWDOWN_MS must be at most 30000");
  }

  @Test
  void givenAStopThresholdAtDiscordsBan_thenAnError() {
    assertThatThrownBy(
            () ->
                IngestorConfig.fromEnvironment(
                    Map.of("DISCORD_BOT_TOKEN", "t", "ACTION_INVALID_STOP_AT", "10000")))
        .hasMessageContaining("below Discord's ban threshold of 10000");
  }

  @Test
  void givenShardRanges_thenTheShardsOfThisProcess() {
    IngestorConfig c =
        IngestorConfig.fromEnvironment(
            Map.of("DISCORD_BOT_TOKEN", "t", "SHARD_COUNT", "16", "SHARD_IDS", "0-3, 8,9"));
    assertThat(c.shardIds()).containsExactly(0, 1, 2, 3, 8, 9);
  }

  @Test
  void givenOnlyAShardCount_thenThisProcessHoldsThemAll() {
    IngestorConfig c =
        IngestorConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "t", "SHARD_COUNT", "3"));
    assertThat(c.shardIds()).containsExactly(0, 1, 2);
  }

  @Test
  void givenManyMistakes_thenOneErrorNamesEveryBadVariableAndNoSecret() {
    Map<String, String> env =
        Map.of(
            "SHARD_IDS", "2-5",
            "SHARD_COUNT", "4",
            "RABBITMQ_URL", "http://user:hunter2@x",
            "RABBITMQ_TOPOLOGY", "fast",
            "HEALTH_PORT", "eighty",
            "DISCORD_GATEWAY_URL", "http://not-a-websocket");
    assertThatThrownBy(() -> IngestorConfig.fromEnvironment(env))
        .isInstanceOfSatisfying(
            ConfigException.class,
            ex -> {
              assertThat(ex.problems()).hasSize(6);
              assertThat(ex.getMessage())
                  .contains("DISCORD_BOT_TOKEN is required")
                  .contains("SHARD_IDS must lie in 0..3")
                  .contains("RABBITMQ_URL must be a amqp/amqps URL")
                  .contains("RABBITMQ_TOPOLOGY must be classic-priority or quorum")
                  .contains("HEALTH_PORT must be a whole number")
                  .contains("DISCORD_GATEWAY_URL must be a ws/wss URL")
                  .doesNotContain("hunter2");
            });
  }

  @Test
  void givenShardIdsWithoutACount_thenAnError() {
    assertThatThrownBy(
            () ->
                IngestorConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "t", "SHARD_IDS", "0")))
        .hasMessageContaining("SHARD_IDS needs SHARD_COUNT");
  }
}
