package io.arrakis.messaging;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names of architecture section 3.3, all under one prefix ({@code arrakis} in production; a
 * test uses its own prefix so parallel runs on one broker never share a queue).
 */
public record TopologyNames(String prefix) {
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");

  // After PREFIX: static fields initialise in order, and the constructor checks against it.
  public static final TopologyNames DEFAULT = new TopologyNames("arrakis");

  public TopologyNames {
    Objects.requireNonNull(prefix, "prefix");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "topology prefix must be lower-case dotted words: " + prefix);
    }
  }

  /** Topic exchange the ingestor publishes every gateway event and interaction to. */
  public String eventsExchange() {
    return prefix + ".events";
  }

  /** Interactions ({@code interaction.#}), with priorities. */
  public String interactionsQueue() {
    return prefix + ".interactions";
  }

  /** Member, guild, message, reaction and other forwarded gateway events. */
  public String guildEventsQueue() {
    return prefix + ".events.guild";
  }

  /** Fanout exchange every queue dead-letters to. */
  public String deadLetterExchange() {
    return prefix + ".dlx";
  }

  /** Where dead letters rest (7 days) with their reason headers. */
  public String deadLetterQueue() {
    return prefix + ".dlq";
  }

  /** Headers exchange that routes a retried message to its delay queue by {@code retry-delay}. */
  public String retryExchange() {
    return prefix + ".retry";
  }

  /** The delay queue for one delay label, e.g. {@code arrakis.retry.5s}. */
  public String retryQueue(String delayLabel) {
    return prefix + ".retry." + delayLabel;
  }

  /**
   * Headers exchange expired retries dead-letter to; it routes each back to the queue it came from
   * by {@code origin-queue}, so a retry never fans out to other queues bound to the same key.
   */
  public String retryReturnExchange() {
    return prefix + ".retry.return";
  }

  /** Topic exchange for privileged Discord actions decided by workers. */
  public String actionsExchange() {
    return prefix + ".actions";
  }

  /** Direct messages: not guild-scoped, so one queue shared by every ingestor. */
  public String directMessageActionsQueue() {
    return prefix + ".actions.dm";
  }

  /** The action queue of one shard, consumed by the ingestor holding that shard. */
  public String shardActionsQueue(int shard) {
    if (shard < 0) {
      throw new IllegalArgumentException("shard must not be negative: " + shard);
    }
    return prefix + ".actions.shard." + shard;
  }
}
