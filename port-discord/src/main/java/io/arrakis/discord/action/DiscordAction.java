package io.arrakis.discord.action;

import io.arrakis.discord.MessagePayload;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A privileged Discord effect the worker decides but cannot perform: it needs the bot token, which
 * only the ingestor holds (architecture §5). Actions travel durably through {@code
 * arrakis.actions}; the ingestor holding the guild's shard executes them (DMs go to a shared
 * queue).
 *
 * <p>{@code actionId} is the idempotency key: derived from what caused the action (e.g. {@code
 * "{interactionId}:role.add:{roleId}"}), so an action decided twice — a redelivered interaction, a
 * replayed event — is executed once.
 */
public sealed interface DiscordAction {

  String actionId();

  /** What the action does, also the last segments of its routing key: {@code role.add}, … */
  Kind kind();

  /** The guild it acts in; empty for a direct message (which no shard owns). */
  OptionalLong guildId();

  /** The kinds of action, each with its routing-key segment. */
  enum Kind {
    ROLE_ADD("role.add"),
    ROLE_REMOVE("role.remove"),
    DM_SEND("dm.send"),
    CHANNEL_POST("channel.post"),
    MESSAGE_EDIT("message.edit"),
    MESSAGE_DELETE("message.delete");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public static Kind ofKey(String key) {
      for (Kind k : values()) {
        if (k.key.equals(key)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown action kind: " + key);
    }
  }

  /** Gives {@code userId} the role {@code roleId}; {@code reason} goes to the guild's audit log. */
  record AddRole(String actionId, long guild, long userId, long roleId, String reason)
      implements DiscordAction {
    public AddRole {
      DiscordActions.requireId(actionId);
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Kind kind() {
      return Kind.ROLE_ADD;
    }

    @Override
    public OptionalLong guildId() {
      return OptionalLong.of(guild);
    }
  }

  /** Takes the role {@code roleId} from {@code userId}. */
  record RemoveRole(String actionId, long guild, long userId, long roleId, String reason)
      implements DiscordAction {
    public RemoveRole {
      DiscordActions.requireId(actionId);
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Kind kind() {
      return Kind.ROLE_REMOVE;
    }

    @Override
    public OptionalLong guildId() {
      return OptionalLong.of(guild);
    }
  }

  /**
   * Sends a direct message. {@code purpose} says why (e.g. {@code alert:position_update}), so a
   * failure (DMs closed) can be reported back to whoever needs to record it.
   */
  record SendDirectMessage(String actionId, long userId, MessagePayload message, String purpose)
      implements DiscordAction {
    public SendDirectMessage {
      DiscordActions.requireId(actionId);
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(purpose, "purpose");
    }

    @Override
    public Kind kind() {
      return Kind.DM_SEND;
    }

    @Override
    public OptionalLong guildId() {
      return OptionalLong.empty();
    }
  }

  /** Posts a message in a guild channel (the-door, census, digests). */
  record PostToChannel(String actionId, long guild, long channelId, MessagePayload message)
      implements DiscordAction {
    public PostToChannel {
      DiscordActions.requireId(actionId);
      Objects.requireNonNull(message, "message");
    }

    @Override
    public Kind kind() {
      return Kind.CHANNEL_POST;
    }

    @Override
    public OptionalLong guildId() {
      return OptionalLong.of(guild);
    }
  }

  /** Replaces a message the bot posted. */
  record EditMessage(
      String actionId, long guild, long channelId, long messageId, MessagePayload message)
      implements DiscordAction {
    public EditMessage {
      DiscordActions.requireId(actionId);
      Objects.requireNonNull(message, "message");
    }

    @Override
    public Kind kind() {
      return Kind.MESSAGE_EDIT;
    }

    @Override
    public OptionalLong guildId() {
      return OptionalLong.of(guild);
    }
  }

  /** Deletes a message the bot posted. */
  record DeleteMessage(String actionId, long guild, long channelId, long messageId)
      implements DiscordAction {
    public DeleteMessage {
      DiscordActions.requireId(actionId);
    }

    @Override
    public Kind kind() {
      return Kind.MESSAGE_DELETE;
    }

    @Override
    public OptionalLong guildId() {
      return OptionalLong.of(guild);
    }
  }
}
