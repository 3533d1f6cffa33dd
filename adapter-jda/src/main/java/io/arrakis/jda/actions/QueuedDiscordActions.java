package io.arrakis.jda.actions;

import io.arrakis.discord.Snowflake;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActions;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The worker's {@link DiscordActions}: publishes each action durably to {@code arrakis.actions} for
 * the token-holding ingestor to execute (architecture §3.3). A guild action goes to the queue of
 * the shard that holds the guild, {@code action.shard.{n}.{kind}} with Discord's shard formula; a
 * direct message to the shared {@code action.{kind}} (kind {@code dm.send}). The body is {@link
 * ActionJson}; the envelope's message id is the action id, which the executor dedupes on.
 *
 * <p>The shard queues must exist before the first submit (the publisher is mandatory: an unroutable
 * action fails its stage with {@code UNROUTABLE}), so the worker declares {@code
 * Topology.shardActions(n)} for every shard at start-up, as the ingestor does for the shards it
 * holds. Thread-safe.
 */
public final class QueuedDiscordActions implements DiscordActions {
  /** The envelope type of every action message. */
  public static final String ENVELOPE_TYPE = "DISCORD_ACTION";

  /** Actions have one queue per shard and no priorities among themselves. */
  public static final int PRIORITY = 0;

  private final EventPublisher publisher;
  private final int shardCount;
  private final Clock clock;

  /**
   * @param publisher the process's publisher; actions go to its topology's actions exchange
   * @param shardCount the bot's total shard count (the same {@code SHARD_COUNT} the ingestors use)
   */
  public QueuedDiscordActions(EventPublisher publisher, int shardCount) {
    this(publisher, shardCount, Clock.systemUTC());
  }

  QueuedDiscordActions(EventPublisher publisher, int shardCount, Clock clock) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.shardCount = requireShardCount(shardCount);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompletableFuture<Void> submit(DiscordAction action) {
    Envelope envelope = envelope(action);
    return publisher.publish(publisher.names().actionsExchange(), envelope);
  }

  /** The envelope {@link #submit} publishes. */
  Envelope envelope(DiscordAction action) {
    Objects.requireNonNull(action, "action");
    Envelope.Builder b =
        Envelope.builder(
                action.actionId(),
                ENVELOPE_TYPE,
                routingKey(action, shardCount),
                ActionJson.encode(action))
            .contentType(Envelope.JSON)
            .priority(PRIORITY)
            .receivedAtMicros(micros(clock.instant()))
            .noExpiration();
    OptionalLong guild = action.guildId();
    if (guild.isPresent()) {
      b.guildId(Snowflake.format(guild.getAsLong()));
    }
    return b.build();
  }

  public int shardCount() {
    return shardCount;
  }

  /**
   * Where an action goes on the actions exchange: {@code action.shard.{n}.{kind}} for a guild
   * action (e.g. {@code action.shard.3.role.add}), {@code action.{kind}} (kind {@code dm.send}) for
   * a direct message ({@code action.dm.send}).
   */
  public static String routingKey(DiscordAction action, int shardCount) {
    requireShardCount(shardCount);
    OptionalLong guild = action.guildId();
    if (guild.isEmpty()) {
      return "action." + action.kind().key(); // the one DM kind, dm.send, gives action.dm.send
    }
    return "action.shard." + shardOf(guild.getAsLong(), shardCount) + "." + action.kind().key();
  }

  /**
   * The shard that receives a guild's events: {@code (guild_id >> 22) % shard_count}, Discord's
   * formula, with the id read as the unsigned 64-bit number it is.
   */
  public static int shardOf(long guildId, int shardCount) {
    requireShardCount(shardCount);
    // >>> : a snowflake is unsigned; the shift leaves a non-negative number for any id.
    return (int) Long.remainderUnsigned(guildId >>> 22, shardCount);
  }

  private static int requireShardCount(int shardCount) {
    if (shardCount < 1) {
      throw new IllegalArgumentException("shard count must be at least 1: " + shardCount);
    }
    return shardCount;
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }
}
