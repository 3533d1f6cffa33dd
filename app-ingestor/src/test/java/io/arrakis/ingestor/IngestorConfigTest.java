package io.arrakis.ingestor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.app.ConfigException;
import io.arrakis.messaging.TopologyProfile;
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
    assertThat(c.toString()).doesNotContain("secret");
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
