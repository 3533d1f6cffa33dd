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
    MESSAGE_DELETE("message.delete"),
    ROLE_CREATE("role.create"),
    ROLE_EDIT("role.edit"),
    CHANNEL_CREATE("channel.create"),
    MEMBERS_REQUEST("members.request");

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

  /**
   * Creates a role (community setup, migration). The new role reaches the worker through the
   * gateway's {@code GUILD_ROLE_CREATE}; nothing comes back through the action. {@code color} is
   * {@code 0xRRGGBB} (0 = no colour).
   */
  record CreateRole(
      String actionId,
      long guild,
      String name,
      int color,
      boolean hoist,
      boolean mentionable,
      String reason)
      implements DiscordAction {
    public CreateRole {
      DiscordActions.requireId(actionId);
      requireName(name);
      requireColor(color);
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Kind kind() {
      return Kind.ROLE_CREATE;
    }

    @Override
    public OptionalLong guildId() {
      return OptionalLong.of(guild);
    }
  }

  /** Renames and recolours a role (takeover, migration). */
  record EditRole(String actionId, long guild, long roleId, String name, int color, String reason)
      implements DiscordAction {
    public EditRole {
      DiscordActions.requireId(actionId);
      requireName(name);
      requireColor(color);
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Kind kind() {
      return Kind.ROLE_EDIT;
    }

    @Override
    public OptionalLong guildId() {
      return OptionalLong.of(guild);
    }
  }

  /**
   * Creates a text channel, under the category {@code parentId} (0 = none). The new channel reaches
   * the worker through the gateway's {@code CHANNEL_CREATE}. {@code topic} may be empty.
   */
  record CreateChannel(
      String actionId, long guild, String name, long parentId, String topic, String reason)
      implements DiscordAction {
    public CreateChannel {
      DiscordActions.requireId(actionId);
      requireName(name);
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Kind kind() {
      return Kind.CHANNEL_CREATE;
    }

    @Override
    public OptionalLong guildId() {
      return OptionalLong.of(guild);
    }
  }

  /**
   * Asks for the guild's whole member list. The ingestor publishes it as {@code
   * GUILD_MEMBERS_CHUNK} events, so the worker's member mirror fills exactly as from gateway
   * chunks.
   */
  record RequestMembers(String actionId, long guild) implements DiscordAction {
    public RequestMembers {
      DiscordActions.requireId(actionId);
    }

    @Override
    public Kind kind() {
      return Kind.MEMBERS_REQUEST;
    }

    @Override
    public OptionalLong guildId() {
      return OptionalLong.of(guild);
    }
  }

  /** Discord's limit for role and channel names: 1–100 characters. */
  private static void requireName(String name) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("name must be 1-100 characters: " + name);
    }
  }

  /** A role colour is {@code 0xRRGGBB}. */
  private static void requireColor(int color) {
    if (color < 0 || color > 0xFFFFFF) {
      throw new IllegalArgumentException("color must be 0x000000-0xFFFFFF: " + color);
    }
  }
}
