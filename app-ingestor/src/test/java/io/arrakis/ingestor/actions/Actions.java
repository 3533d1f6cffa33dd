package io.arrakis.ingestor.actions;

import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.jda.actions.ActionJson;
import io.arrakis.jda.actions.QueuedDiscordActions;
import io.arrakis.messaging.Delivery;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Actions and their deliveries, as the worker's {@link QueuedDiscordActions} publishes them. */
final class Actions {
  static final long GUILD = 81_384_788_765_712_384L;
  static final long USER = 80_351_110_224_678_912L;
  static final long ROLE = 41_771_983_423_143_936L;
  static final long CHANNEL = 41_771_983_423_143_937L;
  static final long MESSAGE = 41_771_983_423_143_938L;
  static final int SHARDS = 2;

  private Actions() {}

  static DiscordAction.AddRole addRole(String id) {
    return new DiscordAction.AddRole(id, GUILD, USER, ROLE, "rank 40: Fedaykin");
  }

  static DiscordAction.RemoveRole removeRole(String id) {
    return new DiscordAction.RemoveRole(id, GUILD, USER, ROLE, "rank 80: waitlist");
  }

  static DiscordAction.SendDirectMessage dm(String id) {
    return new DiscordAction.SendDirectMessage(
        id, USER, MessagePayload.text("You moved to rank 40"), "alert:position_update");
  }

  static DiscordAction.PostToChannel post(String id) {
    return new DiscordAction.PostToChannel(id, GUILD, CHANNEL, MessagePayload.text("census"));
  }

  static DiscordAction.EditMessage edit(String id) {
    return new DiscordAction.EditMessage(
        id, GUILD, CHANNEL, MESSAGE, MessagePayload.text("census, edited"));
  }

  static DiscordAction.DeleteMessage delete(String id) {
    return new DiscordAction.DeleteMessage(id, GUILD, CHANNEL, MESSAGE);
  }

  /** The topology with the park queues, for the in-memory bus. */
  static Topology withParking(Topology base) {
    Topology parking = ActionParking.topology(base);
    List<Topology.QueueSpec> queues = new ArrayList<>(base.queues());
    queues.addAll(parking.queues());
    List<Topology.BindingSpec> bindings = new ArrayList<>(base.bindings());
    bindings.addAll(parking.bindings());
    return new Topology(
        base.names(), base.profile(), base.retryPolicy(), base.exchanges(), queues, bindings);
  }

  static Envelope envelope(DiscordAction action, Instant publishedAt) {
    return Envelope.builder(
            action.actionId(),
            QueuedDiscordActions.ENVELOPE_TYPE,
            QueuedDiscordActions.routingKey(action, SHARDS),
            ActionJson.encode(action))
        .priority(QueuedDiscordActions.PRIORITY)
        .receivedAtMicros(micros(publishedAt))
        .build();
  }

  static Delivery delivery(DiscordAction action, Instant publishedAt, boolean redelivered) {
    Envelope e = envelope(action, publishedAt);
    return new Delivery(e, queueOf(action), 1, redelivered);
  }

  static Delivery rawDelivery(String messageId, String body, Instant publishedAt) {
    Envelope e =
        Envelope.builder(
                messageId,
                QueuedDiscordActions.ENVELOPE_TYPE,
                "action.shard.0.role.add",
                body.getBytes(StandardCharsets.UTF_8))
            .receivedAtMicros(micros(publishedAt))
            .build();
    return new Delivery(e, "arrakis.actions.shard.0", 1, false);
  }

  static String queueOf(DiscordAction action) {
    return action.guildId().isEmpty()
        ? "arrakis.actions.dm"
        : "arrakis.actions.shard."
            + QueuedDiscordActions.shardOf(action.guildId().getAsLong(), SHARDS);
  }

  static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
  }
}
