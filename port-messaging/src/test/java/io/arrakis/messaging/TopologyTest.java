package io.arrakis.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {
  private final Topology classic = Topology.standard(TopologyProfile.CLASSIC_PRIORITY);
  private final Topology quorum = Topology.standard(TopologyProfile.QUORUM);

  @Test
  void givenTheStandardTopology_thenItHasTheNamesOfArchitectureSection33() {
    assertThat(classic.exchanges())
        .extracting(Topology.ExchangeSpec::name)
        .contains("arrakis.events", "arrakis.dlx", "arrakis.actions");
    assertThat(classic.queues())
        .extracting(Topology.QueueSpec::name)
        .contains(
            "arrakis.interactions",
            "arrakis.events.guild",
            "arrakis.dlq",
            "arrakis.retry.5s",
            "arrakis.retry.30s",
            "arrakis.retry.5m",
            "arrakis.actions.dm");
  }

  @Test
  void givenClassicPriority_thenInteractionsHavePriority10AndDeadLetterToTheDlx() {
    assertThat(classic.queue("arrakis.interactions").arguments())
        .containsEntry("x-max-priority", 10)
        .containsEntry("x-dead-letter-exchange", "arrakis.dlx")
        .containsEntry("x-queue-type", "classic");
  }

  @Test
  void givenQuorum_thenNoPriorityButADeliveryLimit() {
    assertThat(quorum.queue("arrakis.interactions").arguments())
        .doesNotContainKey("x-max-priority")
        .containsEntry("x-delivery-limit", Topology.QUORUM_DELIVERY_LIMIT)
        .containsEntry("x-queue-type", "quorum");
  }

  @Test
  void theDeadLetterQueueKeepsMessagesSevenDays() {
    assertThat(classic.queue("arrakis.dlq").arguments())
        .containsEntry("x-message-ttl", Duration.ofDays(7).toMillis());
  }

  @Test
  void delayQueuesExpireIntoTheRetryReturnExchange() {
    assertThat(classic.queue("arrakis.retry.30s").arguments())
        .containsEntry("x-message-ttl", 30_000L)
        .containsEntry("x-dead-letter-exchange", "arrakis.retry.return");
  }

  @Test
  void headersBindingsMatchOnlyOnHeadersRabbitMqConsiders() {
    // RabbitMQ ignores x- prefixed binding arguments when matching (all but x-match itself).
    for (Topology.BindingSpec binding : classic.bindings()) {
      assertThat(binding.arguments().keySet())
          .allSatisfy(key -> assertThat(key.equals("x-match") || !key.startsWith("x-")).isTrue());
    }
  }

  @Test
  void everyWorkQueueCanBeReturnedToByARetry() {
    assertThat(classic.workQueues())
        .containsExactlyInAnyOrder(
            "arrakis.interactions", "arrakis.events.guild", "arrakis.actions.dm");
  }

  @Test
  void shardActionsAreRoutedByShardNumber() {
    Topology shard = classic.shardActions(3);
    assertThat(shard.queues())
        .extracting(Topology.QueueSpec::name)
        .containsExactly("arrakis.actions.shard.3");
    assertThat(shard.bindings())
        .extracting(Topology.BindingSpec::routingKey)
        .contains("action.shard.3.#");
  }

  @Test
  void prefixesMustBeLowerCaseDottedWords() {
    assertThatThrownBy(() -> new TopologyNames("Bad Prefix"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new TopologyNames("it-1.a").eventsExchange()).isEqualTo("it-1.a.events");
  }

  @Test
  void profileNamesComeFromConfiguration() {
    assertThat(TopologyProfile.fromConfig(" Quorum ")).isEqualTo(TopologyProfile.QUORUM);
    assertThatThrownBy(() -> TopologyProfile.fromConfig("fast"))
        .hasMessageContaining("classic-priority or quorum");
  }

  @Test
  void retryPolicyRepeatsTheLastDelayAndStopsAtMaxAttempts() {
    RetryPolicy policy = new RetryPolicy(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30)), 4);
    assertThat(policy.delayAfter(1)).contains(Duration.ofSeconds(5));
    assertThat(policy.delayAfter(2)).contains(Duration.ofSeconds(30));
    assertThat(policy.delayAfter(3)).contains(Duration.ofSeconds(30));
    assertThat(policy.delayAfter(4)).isEmpty();
    assertThat(RetryPolicy.label(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(RetryPolicy.label(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(RetryPolicy.label(Duration.ofHours(1))).isEqualTo("1h");
    assertThatThrownBy(() -> new RetryPolicy(List.of(Duration.ofMillis(1500)), 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
