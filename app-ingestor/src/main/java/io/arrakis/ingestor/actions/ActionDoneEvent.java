package io.arrakis.ingestor.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.Snowflake;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.messaging.Envelope;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The event that tells the workers a direct message was delivered, so alert history can record it.
 * Published to the events exchange with routing key {@code action.done.dm.send}, which the topology
 * binds to {@code arrakis.events.guild}:
 *
 * <pre>{@code
 * type ACTION_DONE, message id {actionId}:done, persistent, JSON:
 * {"action_id":"…","kind":"dm.send","user_id":"…","purpose":"…"}
 * }</pre>
 *
 * The shape of {@link ActionFailedEvent} without the error fields.
 */
public final class ActionDoneEvent {
  public static final String TYPE = "ACTION_DONE";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ActionDoneEvent() {}

  /** {@code action.done.dm.send} for a direct message. */
  public static String routingKey(DiscordAction.Kind kind) {
    return "action.done." + kind.key();
  }

  public static String messageId(String actionId) {
    return actionId + ":done";
  }

  /** The event of a delivered direct message. */
  public static Envelope of(DiscordAction.SendDirectMessage dm, Instant now) {
    ObjectNode body = JSON.createObjectNode();
    body.put("action_id", dm.actionId());
    body.put("kind", dm.kind().key());
    body.put("user_id", Snowflake.format(dm.userId()));
    body.put("purpose", dm.purpose());
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException("cannot write the done event", ex);
    }
    return Envelope.builder(messageId(dm.actionId()), TYPE, routingKey(dm.kind()), bytes)
        .contentType(Envelope.JSON)
        .priority(1)
        .receivedAtMicros(Math.addExact(now.getEpochSecond() * 1_000_000L, now.getNano() / 1_000L))
        .noExpiration()
        .build();
  }
}
