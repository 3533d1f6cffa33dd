package io.arrakis.ingestor.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.Snowflake;
import io.arrakis.discord.action.ActionOutcome;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.messaging.Envelope;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The event that tells the workers an action could not be done where the domain must know it —
 * today a direct message Discord refused (DMs closed, unknown user), so alert history can say "not
 * delivered". Published to the events exchange with routing key {@code action.failed.{kind}}
 * ({@code action.failed.dm.send}), which the topology binds to {@code arrakis.events.guild}:
 *
 * <pre>{@code
 * type ACTION_FAILED, message id {actionId}:failed, persistent, JSON:
 * {"action_id":"…","kind":"dm.send","user_id":"…","purpose":"…","error_class":"DmClosed","reason":"…"}
 * }</pre>
 *
 * The message id makes it idempotent for the worker's claim: a refused DM redelivered after its
 * failure was published publishes the same event again, and the worker handles it once.
 */
public final class ActionFailedEvent {
  public static final String TYPE = "ACTION_FAILED";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ActionFailedEvent() {}

  /** {@code action.failed.dm.send} for a direct message. */
  public static String routingKey(DiscordAction.Kind kind) {
    return "action.failed." + kind.key();
  }

  /** The message id of the failure of {@code actionId}. */
  public static String messageId(String actionId) {
    return actionId + ":failed";
  }

  /** The failure event of a refused direct message. */
  public static Envelope of(
      DiscordAction.SendDirectMessage dm, ActionOutcome.Refused refused, Instant now) {
    ObjectNode body = JSON.createObjectNode();
    body.put("action_id", dm.actionId());
    body.put("kind", dm.kind().key());
    body.put("user_id", Snowflake.format(dm.userId()));
    body.put("purpose", dm.purpose());
    body.put("error_class", refused.errorClass());
    body.put("reason", refused.reason());
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException("cannot write the failure event", ex);
    }
    return Envelope.builder(messageId(dm.actionId()), TYPE, routingKey(dm.kind()), bytes)
        .contentType(Envelope.JSON)
        .priority(1)
        .receivedAtMicros(Math.addExact(now.getEpochSecond() * 1_000_000L, now.getNano() / 1_000L))
        .noExpiration()
        .build();
  }
}
