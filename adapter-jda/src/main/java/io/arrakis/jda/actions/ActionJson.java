package io.arrakis.jda.actions;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Snowflake;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordAction.AddRole;
import io.arrakis.discord.action.DiscordAction.CreateChannel;
import io.arrakis.discord.action.DiscordAction.CreateRole;
import io.arrakis.discord.action.DiscordAction.DeleteMessage;
import io.arrakis.discord.action.DiscordAction.EditMessage;
import io.arrakis.discord.action.DiscordAction.EditRole;
import io.arrakis.discord.action.DiscordAction.Kind;
import io.arrakis.discord.action.DiscordAction.PostToChannel;
import io.arrakis.discord.action.DiscordAction.RemoveRole;
import io.arrakis.discord.action.DiscordAction.RequestMembers;
import io.arrakis.discord.action.DiscordAction.SendDirectMessage;
import io.arrakis.discord.action.DiscordActions;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The body of an action message on {@code arrakis.actions}: a {@link DiscordAction} as JSON and
 * back. Version 1:
 *
 * <pre>{@code
 * {"v":1, "kind":"role.add", "action_id":"…", "guild_id":"…", "user_id":"…", "role_id":"…", "reason":"…"}
 * {"v":1, "kind":"role.remove", …same fields as role.add…}
 * {"v":1, "kind":"dm.send", "action_id":"…", "user_id":"…", "purpose":"…", "message":{…}}
 * {"v":1, "kind":"channel.post", "action_id":"…", "guild_id":"…", "channel_id":"…", "message":{…}}
 * {"v":1, "kind":"message.edit", …channel.post's fields…, "message_id":"…"}
 * {"v":1, "kind":"message.delete", "action_id":"…", "guild_id":"…", "channel_id":"…", "message_id":"…"}
 * {"v":1, "kind":"role.create", "action_id":"…", "guild_id":"…", "name":"…", "color":16766720, "hoist":true, "mentionable":false, "reason":"…"}
 * {"v":1, "kind":"role.edit", "action_id":"…", "guild_id":"…", "role_id":"…", "name":"…", "color":0, "reason":"…"}
 * {"v":1, "kind":"channel.create", "action_id":"…", "guild_id":"…", "name":"…", "parent_id":"…" (absent: none), "topic":"…", "reason":"…"}
 * {"v":1, "kind":"members.request", "action_id":"…", "guild_id":"…"}
 * }</pre>
 *
 * Ids are strings of decimal digits (unsigned 64-bit), as Discord writes them; {@code message} is
 * Discord's own message JSON ({@link MessageJson}), so the executor can hand it to the REST API as
 * it is. Unknown fields are ignored (a later writer may add optional ones without a new {@code v});
 * anything the reader cannot use — not JSON, another {@code v}, a missing or ill-typed field, an
 * unknown kind, a value over Discord's limits — is a {@link MalformedActionException} that names
 * the field, for the executor to dead-letter.
 *
 * <p>Thread-safe and stateless.
 */
public final class ActionJson {
  /** The body format version this class writes and reads. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private ActionJson() {}

  /** The action as UTF-8 JSON bytes. */
  public static byte[] encode(DiscordAction action) {
    try {
      return MAPPER.writeValueAsBytes(toJson(action));
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException("cannot write an action as JSON", ex);
    }
  }

  /** The action as a JSON tree. */
  public static ObjectNode toJson(DiscordAction action) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("v", VERSION);
    o.put("kind", action.kind().key());
    o.put("action_id", action.actionId());
    action.guildId().ifPresent(g -> o.put("guild_id", Snowflake.format(g)));
    if (action instanceof AddRole a) {
      roleFields(o, a.userId(), a.roleId(), a.reason());
    } else if (action instanceof RemoveRole r) {
      roleFields(o, r.userId(), r.roleId(), r.reason());
    } else if (action instanceof SendDirectMessage d) {
      o.put("user_id", Snowflake.format(d.userId()));
      o.put("purpose", d.purpose());
      o.set("message", MessageJson.encode(d.message()));
    } else if (action instanceof PostToChannel p) {
      o.put("channel_id", Snowflake.format(p.channelId()));
      o.set("message", MessageJson.encode(p.message()));
    } else if (action instanceof EditMessage e) {
      o.put("channel_id", Snowflake.format(e.channelId()));
      o.put("message_id", Snowflake.format(e.messageId()));
      o.set("message", MessageJson.encode(e.message()));
    } else if (action instanceof DeleteMessage d) {
      o.put("channel_id", Snowflake.format(d.channelId()));
      o.put("message_id", Snowflake.format(d.messageId()));
    } else if (action instanceof CreateRole c) {
      o.put("name", c.name());
      o.put("color", c.color());
      o.put("hoist", c.hoist());
      o.put("mentionable", c.mentionable());
      o.put("reason", c.reason());
    } else if (action instanceof EditRole e) {
      o.put("role_id", Snowflake.format(e.roleId()));
      o.put("name", e.name());
      o.put("color", e.color());
      o.put("reason", e.reason());
    } else if (action instanceof CreateChannel c) {
      o.put("name", c.name());
      if (c.parentId() != 0) {
        o.put("parent_id", Snowflake.format(c.parentId()));
      }
      o.put("topic", c.topic());
      o.put("reason", c.reason());
    } else if (action instanceof RequestMembers) {
      // guild_id only
    } else {
      throw new IllegalArgumentException("unknown action type: " + action.getClass().getName());
    }
    return o;
  }

  private static void roleFields(ObjectNode o, long userId, long roleId, String reason) {
    o.put("user_id", Snowflake.format(userId));
    o.put("role_id", Snowflake.format(roleId));
    o.put("reason", reason);
  }

  /**
   * Reads an action body.
   *
   * @throws MalformedActionException naming what is wrong (and the action id when it was readable)
   */
  public static DiscordAction decode(byte[] json) {
    if (json == null || json.length == 0) {
      throw new MalformedActionException("empty payload");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException ex) {
      // Position only: the parser's own message can quote the input.
      JsonLocation where = ex.getLocation();
      throw new MalformedActionException(
          "not valid JSON"
              + (where == null
                  ? ""
                  : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
    } catch (IOException ex) {
      throw new MalformedActionException("unreadable payload");
    }
    return decode(root);
  }

  /** Reads an action already parsed as a tree. */
  public static DiscordAction decode(JsonNode root) {
    if (JsonFields.absent(root) || !root.isObject()) {
      throw new MalformedActionException("payload is not a JSON object");
    }
    int version = JsonFields.integer(root, "", "v");
    if (version != VERSION) {
      throw new MalformedActionException(
          "unsupported v " + version + " (this reader reads " + VERSION + ")");
    }
    String actionId = JsonFields.text(root, "", "action_id");
    try {
      DiscordActions.requireId(actionId);
    } catch (IllegalArgumentException ex) {
      throw new MalformedActionException(
          "field action_id must be 1-200 characters of [A-Za-z0-9:._-]");
    }
    try {
      return decode(root, actionId);
    } catch (MalformedActionException ex) {
      throw new MalformedActionException(actionId, ex.getMessage());
    }
  }

  private static DiscordAction decode(JsonNode root, String actionId) {
    String key = JsonFields.text(root, "", "kind");
    Kind kind;
    try {
      kind = Kind.ofKey(key);
    } catch (IllegalArgumentException ex) {
      throw new MalformedActionException(
          "field kind is not a known action kind: \"" + clip(key) + "\"");
    }
    switch (kind) {
      case ROLE_ADD:
        {
          long guild = JsonFields.snowflake(root, "", "guild_id");
          long user = JsonFields.snowflake(root, "", "user_id");
          long role = JsonFields.snowflake(root, "", "role_id");
          String reason = JsonFields.text(root, "", "reason");
          return JsonFields.build("", () -> new AddRole(actionId, guild, user, role, reason));
        }
      case ROLE_REMOVE:
        {
          long guild = JsonFields.snowflake(root, "", "guild_id");
          long user = JsonFields.snowflake(root, "", "user_id");
          long role = JsonFields.snowflake(root, "", "role_id");
          String reason = JsonFields.text(root, "", "reason");
          return JsonFields.build("", () -> new RemoveRole(actionId, guild, user, role, reason));
        }
      case DM_SEND:
        {
          long user = JsonFields.snowflake(root, "", "user_id");
          String purpose = JsonFields.text(root, "", "purpose");
          MessagePayload message = message(root);
          return JsonFields.build(
              "", () -> new SendDirectMessage(actionId, user, message, purpose));
        }
      case CHANNEL_POST:
        {
          long guild = JsonFields.snowflake(root, "", "guild_id");
          long channel = JsonFields.snowflake(root, "", "channel_id");
          MessagePayload message = message(root);
          return JsonFields.build("", () -> new PostToChannel(actionId, guild, channel, message));
        }
      case MESSAGE_EDIT:
        {
          long guild = JsonFields.snowflake(root, "", "guild_id");
          long channel = JsonFields.snowflake(root, "", "channel_id");
          long messageId = JsonFields.snowflake(root, "", "message_id");
          MessagePayload message = message(root);
          return JsonFields.build(
              "", () -> new EditMessage(actionId, guild, channel, messageId, message));
        }
      case MESSAGE_DELETE:
        {
          long guild = JsonFields.snowflake(root, "", "guild_id");
          long channel = JsonFields.snowflake(root, "", "channel_id");
          long messageId = JsonFields.snowflake(root, "", "message_id");
          return JsonFields.build("", () -> new DeleteMessage(actionId, guild, channel, messageId));
        }
      case ROLE_CREATE:
        {
          long guild = JsonFields.snowflake(root, "", "guild_id");
          String name = JsonFields.text(root, "", "name");
          int color = JsonFields.integer(root, "", "color");
          boolean hoist = JsonFields.optBoolean(root, "", "hoist", false);
          boolean mentionable = JsonFields.optBoolean(root, "", "mentionable", false);
          String reason = JsonFields.text(root, "", "reason");
          return JsonFields.build(
              "", () -> new CreateRole(actionId, guild, name, color, hoist, mentionable, reason));
        }
      case ROLE_EDIT:
        {
          long guild = JsonFields.snowflake(root, "", "guild_id");
          long role = JsonFields.snowflake(root, "", "role_id");
          String name = JsonFields.text(root, "", "name");
          int color = JsonFields.integer(root, "", "color");
          String reason = JsonFields.text(root, "", "reason");
          return JsonFields.build(
              "", () -> new EditRole(actionId, guild, role, name, color, reason));
        }
      case CHANNEL_CREATE:
        {
          long guild = JsonFields.snowflake(root, "", "guild_id");
          String name = JsonFields.text(root, "", "name");
          long parent =
              JsonFields.absent(root.get("parent_id"))
                  ? 0
                  : JsonFields.snowflake(root, "", "parent_id");
          String topic = JsonFields.text(root, "", "topic");
          String reason = JsonFields.text(root, "", "reason");
          return JsonFields.build(
              "", () -> new CreateChannel(actionId, guild, name, parent, topic, reason));
        }
      case MEMBERS_REQUEST:
        {
          long guild = JsonFields.snowflake(root, "", "guild_id");
          return JsonFields.build("", () -> new RequestMembers(actionId, guild));
        }
      default:
        throw new MalformedActionException("field kind " + key + " has no reader");
    }
  }

  private static MessagePayload message(JsonNode root) {
    return MessageJson.decode(JsonFields.object(root, "", "message"), "message");
  }

  private static String clip(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
