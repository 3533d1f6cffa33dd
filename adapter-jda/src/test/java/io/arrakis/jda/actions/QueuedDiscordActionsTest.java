package io.arrakis.jda.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EventPublisher;
import io.arrakis.messaging.TopologyNames;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueuedDiscordActionsTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:15:30.123456789Z");

  @Test
  void givenDiscordsExampleGuildAndTwoShards_shardOf_isTheFormulasShard() {
    long guild = 81384788765712384L;
    // (81384788765712384 >> 22) = 19403645698, even
    long expected = (guild >> 22) % 2;

    assertThat(QueuedDiscordActions.shardOf(guild, 2)).isEqualTo(expected).isZero();
    assertThat(QueuedDiscordActions.shardOf(guild, 3)).isEqualTo(19403645698L % 3).isEqualTo(1);
    assertThat(QueuedDiscordActions.shardOf(1234567890123456789L, 2)).isEqualTo(1);
    assertThat(QueuedDiscordActions.shardOf(guild, 1)).isZero();
  }

  @ParameterizedTest
  @CsvSource({
    "81384788765712384, 2",
    "81384788765712384, 16",
    "1234567890123456789, 7",
    "9223372036854775807, 5",
    "17293822569102704641, 3",
    "18446744073709551615, 7",
    "18446744073709551615, 1000",
    "4194304, 2",
    "0, 4"
  })
  void givenAnyUnsignedGuildId_shardOf_matchesTheFormulaOnUnsigned64BitNumbers(
      String guildId, int shardCount) {
    BigInteger unsigned = new BigInteger(guildId);
    int expected = unsigned.shiftRight(22).mod(BigInteger.valueOf(shardCount)).intValueExact();

    int shard = QueuedDiscordActions.shardOf(Long.parseUnsignedLong(guildId), shardCount);

    assertThat(shard).isEqualTo(expected).isBetween(0, shardCount - 1);
  }

  @Test
  void givenAGuildAction_routingKey_isTheShardAndTheKind() {
    assertThat(QueuedDiscordActions.routingKey(Actions.addRole(), 2))
        .isEqualTo("action.shard.0.role.add");
    assertThat(QueuedDiscordActions.routingKey(Actions.removeRole(), 3))
        .isEqualTo("action.shard.1.role.remove");
    assertThat(QueuedDiscordActions.routingKey(Actions.post(), 2))
        .isEqualTo("action.shard.0.channel.post");
    assertThat(QueuedDiscordActions.routingKey(Actions.edit(), 2))
        .isEqualTo("action.shard.0.message.edit");
    assertThat(QueuedDiscordActions.routingKey(Actions.delete(), 2))
        .isEqualTo("action.shard.0.message.delete");
    var otherShard =
        new DiscordAction.PostToChannel("p", 1234567890123456789L, 1, MessagePayload.text("x"));
    assertThat(QueuedDiscordActions.routingKey(otherShard, 2))
        .isEqualTo("action.shard.1.channel.post");
  }

  @Test
  void givenADirectMessage_routingKey_isTheSharedDmKeyWhateverTheShardCount() {
    assertThat(QueuedDiscordActions.routingKey(Actions.directMessage(), 1))
        .isEqualTo("action.dm.send");
    assertThat(QueuedDiscordActions.routingKey(Actions.directMessage(), 64))
        .isEqualTo("action.dm.send");
  }

  @Test
  void givenNoShards_everyEntryPointRefusesIt() {
    assertThatThrownBy(() -> QueuedDiscordActions.shardOf(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shard count must be at least 1: 0");
    assertThatThrownBy(() -> QueuedDiscordActions.routingKey(Actions.addRole(), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new QueuedDiscordActions(new RecordingPublisher(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenARoleAdd_submit_publishesAPersistentJsonEnvelopeToTheActionsExchange() {
    RecordingPublisher publisher = new RecordingPublisher();
    var actions = new QueuedDiscordActions(publisher, 2, Clock.fixed(NOW, ZoneOffset.UTC));

    CompletableFuture<Void> result = actions.submit(Actions.addRole());

    assertThat(result).isSameAs(publisher.result);
    assertThat(publisher.exchanges).containsExactly("it-actions.actions");
    Envelope e = publisher.published.get(0);
    assertThat(e.messageId()).isEqualTo(Actions.addRole().actionId());
    assertThat(e.type()).isEqualTo("DISCORD_ACTION");
    assertThat(e.routingKey()).isEqualTo("action.shard.0.role.add");
    assertThat(e.contentType()).isEqualTo("application/json");
    assertThat(e.priority()).isZero();
    assertThat(e.expiration()).isEmpty();
    assertThat(e.guildId()).contains("81384788765712384");
    assertThat(e.receivedAtMicros()).isEqualTo(1_795_860_930_123_456L);
    assertThat(e.attempt()).isZero();
    assertThat(e.shardId()).isEmpty();
    assertThat(e.interactionId()).isEmpty();
    assertThat(ActionJson.decode(e.body())).isEqualTo(Actions.addRole());
  }

  @Test
  void givenADirectMessage_submit_publishesWithoutAGuildHeader() {
    RecordingPublisher publisher = new RecordingPublisher();

    new QueuedDiscordActions(publisher, 4).submit(Actions.directMessage());

    Envelope e = publisher.published.get(0);
    assertThat(e.routingKey()).isEqualTo("action.dm.send");
    assertThat(e.guildId()).isEmpty();
    assertThat(e.messageId()).isEqualTo(Actions.directMessage().actionId());
    assertThat(ActionJson.decode(e.body())).isEqualTo(Actions.directMessage());
  }

  @Test
  void givenAFailingPublisher_submit_returnsItsFailedStage() {
    RecordingPublisher publisher = new RecordingPublisher();
    publisher.result.completeExceptionally(new IllegalStateException("broker away"));

    CompletableFuture<Void> result = new QueuedDiscordActions(publisher, 1).submit(Actions.post());

    assertThat(result).isCompletedExceptionally();
  }

  /** Records what it is asked to publish; every publish returns the same stage. */
  private static final class RecordingPublisher implements EventPublisher {
    final List<String> exchanges = new ArrayList<>();
    final List<Envelope> published = new ArrayList<>();
    final CompletableFuture<Void> result = new CompletableFuture<>();

    @Override
    public CompletableFuture<Void> publish(String exchange, Envelope envelope) {
      exchanges.add(exchange);
      published.add(envelope);
      return result;
    }

    @Override
    public TopologyNames names() {
      return new TopologyNames("it-actions");
    }

    @Override
    public int pendingCount() {
      return 0;
    }

    @Override
    public void close() {}
  }
}
