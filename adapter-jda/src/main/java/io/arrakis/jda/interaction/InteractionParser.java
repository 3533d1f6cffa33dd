package io.arrakis.jda.interaction;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.arrakis.discord.CommandOptions;
import io.arrakis.discord.ComponentType;
import io.arrakis.discord.DiscordUser;
import io.arrakis.discord.GuildMember;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.InteractionContext;
import io.arrakis.discord.InteractionToken;
import io.arrakis.discord.MalformedInteractionException;
import io.arrakis.discord.OptionValue;
import io.arrakis.discord.Resolved;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads Discord's interaction object (the {@code d} of a gateway INTERACTION_CREATE, API v10) into
 * the port's sealed {@link Interaction}. Strict about what the worker cannot do without — id,
 * application id, token, type, the acting user, the channel, the command name / custom id — and
 * lenient about the rest (absent locale or app permissions become empty Optionals). A payload it
 * cannot use throws {@link MalformedInteractionException} naming the field; its message never
 * contains the token, and a JSON syntax error is reported by position only (the parser's own
 * message could quote the input).
 *
 * <p>Thread-safe and stateless.
 */
public final class InteractionParser {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private static final int PING = 1;
  private static final int APPLICATION_COMMAND = 2;
  private static final int MESSAGE_COMPONENT = 3;
  private static final int AUTOCOMPLETE = 4;
  private static final int MODAL_SUBMIT = 5;
  private static final int CHAT_INPUT = 1;
  private static final int SUB_COMMAND = 1;
  private static final int SUB_COMMAND_GROUP = 2;

  private InteractionParser() {}

  /** Parses one interaction object. */
  public static Interaction parse(byte[] json) {
    if (json == null || json.length == 0) {
      throw new MalformedInteractionException("empty payload");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      throw new MalformedInteractionException(
          "not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw new MalformedInteractionException("unreadable payload");
    }
    return parse(root);
  }

  /** Parses an interaction object already read as a tree (e.g. a gateway frame's {@code d}). */
  public static Interaction parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new MalformedInteractionException("payload is not a JSON object");
    }
    long id = snowflake(root, "id", "id");
    Reader r = new Reader(id);
    int type = r.requiredInt(root, "type", "type");
    InteractionToken token =
        new InteractionToken(
            id,
            r.requiredSnowflake(root, "application_id", "application_id"),
            r.requiredText(root, "token", "token"));
    if (type == PING) {
      throw r.fail("PING (type 1) is only sent to HTTP interaction endpoints, not handled here");
    }
    if (type < APPLICATION_COMMAND || type > MODAL_SUBMIT) {
      throw r.fail("unknown interaction type " + type);
    }
    InteractionContext ctx = r.context(root, token);
    JsonNode data = root.get("data");
    if (data == null || !data.isObject()) {
      throw r.fail("missing field 'data'");
    }
    return switch (type) {
      case APPLICATION_COMMAND -> r.slashCommand(ctx, data);
      case MESSAGE_COMPONENT -> r.component(ctx, root, data);
      case AUTOCOMPLETE -> r.autocomplete(ctx, data);
      default -> r.modalSubmit(ctx, root, data);
    };
  }

  /** The id before anything else: without it the error cannot even name the interaction. */
  private static long snowflake(JsonNode o, String field, String path) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      throw new MalformedInteractionException("missing field '" + path + "'");
    }
    try {
      return Long.parseUnsignedLong(v.asText());
    } catch (NumberFormatException e) {
      throw new MalformedInteractionException("field '" + path + "' is not a snowflake");
    }
  }

  /** Field readers that name the interaction in their errors. */
  private static final class Reader {
    private final long id;

    Reader(long id) {
      this.id = id;
    }

    MalformedInteractionException fail(String reason) {
      return new MalformedInteractionException(id, reason);
    }

    JsonNode required(JsonNode o, String field, String path) {
      JsonNode v = o.get(field);
      if (v == null || v.isNull()) {
        throw fail("missing field '" + path + "'");
      }
      return v;
    }

    JsonNode requiredObject(JsonNode o, String field, String path) {
      JsonNode v = required(o, field, path);
      if (!v.isObject()) {
        throw fail("field '" + path + "' is not an object");
      }
      return v;
    }

    String requiredText(JsonNode o, String field, String path) {
      JsonNode v = required(o, field, path);
      if (!v.isTextual() || v.asText().isBlank()) {
        throw fail("field '" + path + "' is not a non-empty string");
      }
      return v.asText();
    }

    int requiredInt(JsonNode o, String field, String path) {
      JsonNode v = required(o, field, path);
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw fail("field '" + path + "' is not an integer");
      }
      return v.intValue();
    }

    long requiredSnowflake(JsonNode o, String field, String path) {
      return toSnowflake(required(o, field, path), path);
    }

    OptionalLong optionalSnowflake(JsonNode o, String field, String path) {
      JsonNode v = o.get(field);
      return v == null || v.isNull() ? OptionalLong.empty() : OptionalLong.of(toSnowflake(v, path));
    }

    long toSnowflake(JsonNode v, String path) {
      if (v.isTextual() || v.isIntegralNumber()) {
        try {
          return Long.parseUnsignedLong(v.asText());
        } catch (NumberFormatException e) {
          // fall through
        }
      }
      throw fail("field '" + path + "' is not a snowflake");
    }

    /** Discord writes permission bitfields as decimal strings. */
    long bitfield(JsonNode v, String path) {
      if (v.isTextual() || v.isIntegralNumber()) {
        try {
          return Long.parseUnsignedLong(v.asText());
        } catch (NumberFormatException e) {
          // fall through
        }
      }
      throw fail("field '" + path + "' is not a permission bitfield");
    }

    static Optional<String> optionalText(JsonNode o, String field) {
      JsonNode v = o.get(field);
      return v == null || !v.isTextual() ? Optional.empty() : Optional.of(v.asText());
    }

    // ------------------------------------------------------------ context

    InteractionContext context(JsonNode root, InteractionToken token) {
      OptionalLong guildId = optionalSnowflake(root, "guild_id", "guild_id");
      long channelId = channelId(root);
      DiscordUser user;
      Optional<GuildMember> member;
      JsonNode m = root.get("member");
      if (m != null && !m.isNull()) {
        if (guildId.isEmpty()) {
          throw fail("field 'member' without 'guild_id'");
        }
        user = user(requiredObject(m, "user", "member.user"), "member.user");
        member = Optional.of(member(m, "member", true));
      } else {
        if (guildId.isPresent()) {
          throw fail("missing field 'member' (guild interaction)");
        }
        JsonNode u = root.get("user");
        if (u == null || u.isNull()) {
          throw fail("missing field 'user' (neither 'member' nor 'user' present)");
        }
        if (!u.isObject()) {
          throw fail("field 'user' is not an object");
        }
        user = user(u, "user");
        member = Optional.empty();
      }
      JsonNode appPerms = root.get("app_permissions");
      OptionalLong app =
          appPerms == null || appPerms.isNull()
              ? OptionalLong.empty()
              : OptionalLong.of(bitfield(appPerms, "app_permissions"));
      return new InteractionContext(
          token,
          guildId,
          channelId,
          user,
          member,
          optionalText(root, "locale"),
          optionalText(root, "guild_locale"),
          app);
    }

    private long channelId(JsonNode root) {
      JsonNode c = root.get("channel_id");
      if (c != null && !c.isNull()) {
        return toSnowflake(c, "channel_id");
      }
      JsonNode ch = root.get("channel");
      if (ch != null && ch.isObject() && ch.has("id")) {
        return toSnowflake(ch.get("id"), "channel.id");
      }
      throw fail("missing field 'channel_id'");
    }

    DiscordUser user(JsonNode u, String path) {
      return new DiscordUser(
          requiredSnowflake(u, "id", path + ".id"),
          requiredText(u, "username", path + ".username"),
          optionalText(u, "global_name"),
          u.path("bot").asBoolean(false));
    }

    GuildMember member(JsonNode m, String path, boolean permissionsRequired) {
      List<Long> roles = new ArrayList<>();
      JsonNode rs = m.get("roles");
      if (rs != null && !rs.isNull()) {
        if (!rs.isArray()) {
          throw fail("field '" + path + ".roles' is not an array");
        }
        for (JsonNode r : rs) {
          roles.add(toSnowflake(r, path + ".roles[]"));
        }
      } else if (permissionsRequired) {
        throw fail("missing field '" + path + ".roles'");
      }
      JsonNode p = m.get("permissions");
      long perms;
      if (p == null || p.isNull()) {
        if (permissionsRequired) {
          throw fail("missing field '" + path + ".permissions'");
        }
        perms = 0;
      } else {
        perms = bitfield(p, path + ".permissions");
      }
      return new GuildMember(roles, perms, optionalText(m, "nick"));
    }

    // ------------------------------------------------------------ commands

    /** Name, group, subcommand and the innermost options array of a command's data. */
    private record Invocation(
        long commandId, String name, Optional<String> group, Optional<String> sub, JsonNode opts) {}

    private Invocation invocation(JsonNode data) {
      String name = requiredText(data, "name", "data.name");
      int commandType = data.path("type").asInt(CHAT_INPUT);
      if (commandType != CHAT_INPUT) {
        throw fail("command '" + name + "' has type " + commandType + ", only slash commands (1)");
      }
      long commandId = requiredSnowflake(data, "id", "data.id");
      Optional<String> group = Optional.empty();
      Optional<String> sub = Optional.empty();
      JsonNode opts = options(data, "data.options");
      String path = "data.options";
      if (opts.size() == 1 && opts.get(0).path("type").asInt() == SUB_COMMAND_GROUP) {
        JsonNode g = opts.get(0);
        group = Optional.of(requiredText(g, "name", path + "[0].name"));
        path += "[0].options";
        opts = options(g, path);
        if (opts.size() != 1 || opts.get(0).path("type").asInt() != SUB_COMMAND) {
          throw fail("subcommand group '" + group.get() + "' without exactly one subcommand");
        }
      }
      if (opts.size() == 1 && opts.get(0).path("type").asInt() == SUB_COMMAND) {
        JsonNode s = opts.get(0);
        sub = Optional.of(requiredText(s, "name", path + "[0].name"));
        opts = options(s, path + "[0].options");
      }
      return new Invocation(commandId, name, group, sub, opts);
    }

    private JsonNode options(JsonNode parent, String path) {
      JsonNode o = parent.get("options");
      if (o == null || o.isNull()) {
        return MAPPER.createArrayNode();
      }
      if (!o.isArray()) {
        throw fail("field '" + path + "' is not an array");
      }
      return o;
    }

    Interaction.SlashCommand slashCommand(InteractionContext ctx, JsonNode data) {
      Invocation inv = invocation(data);
      Map<String, OptionValue> values = new LinkedHashMap<>();
      int i = 0;
      for (JsonNode o : inv.opts()) {
        String where = "option[" + i++ + "]";
        String name = requiredText(o, "name", where + ".name");
        values.put(name, optionValue(o, name, false));
      }
      return new Interaction.SlashCommand(
          ctx,
          inv.commandId(),
          inv.name(),
          inv.group(),
          inv.sub(),
          new CommandOptions(values),
          resolved(data.get("resolved")));
    }

    Interaction.Autocomplete autocomplete(InteractionContext ctx, JsonNode data) {
      Invocation inv = invocation(data);
      Map<String, OptionValue> values = new LinkedHashMap<>();
      String focused = null;
      String partial = "";
      int i = 0;
      for (JsonNode o : inv.opts()) {
        String where = "option[" + i++ + "]";
        String name = requiredText(o, "name", where + ".name");
        if (o.path("focused").asBoolean(false)) {
          focused = name;
          JsonNode v = o.get("value");
          partial = v == null || v.isNull() ? "" : v.asText();
        } else {
          OptionValue v = optionValue(o, name, true);
          if (v != null) {
            values.put(name, v);
          }
        }
      }
      if (focused == null) {
        throw fail("autocomplete for '" + inv.name() + "' has no focused option");
      }
      return new Interaction.Autocomplete(
          ctx,
          inv.commandId(),
          inv.name(),
          inv.group(),
          inv.sub(),
          new CommandOptions(values),
          focused,
          partial);
    }

    /**
     * One option's typed value. While autocompleting, other options may still hold half-typed text
     * for a number option; such values are left out ({@code lenient}) instead of failing.
     */
    private OptionValue optionValue(JsonNode o, String name, boolean lenient) {
      String where = "option '" + name + "'";
      int type = requiredInt(o, "type", where + ".type");
      JsonNode v = o.get("value");
      if (type == SUB_COMMAND || type == SUB_COMMAND_GROUP) {
        throw fail(where + " is a subcommand among values");
      }
      if (v == null || v.isNull()) {
        if (lenient) {
          return null;
        }
        throw fail("missing field '" + where + ".value'");
      }
      try {
        return switch (type) {
          case 3 -> new OptionValue.StringOption(v.asText());
          case 4 -> {
            if (v.isIntegralNumber() && v.canConvertToLong()) {
              yield new OptionValue.IntegerOption(v.longValue());
            }
            if (v.isTextual()) {
              yield new OptionValue.IntegerOption(Long.parseLong(v.asText().trim()));
            }
            throw new NumberFormatException();
          }
          case 5 -> {
            if (!v.isBoolean()) {
              throw new NumberFormatException();
            }
            yield new OptionValue.BooleanOption(v.booleanValue());
          }
          case 6 -> new OptionValue.UserOption(toSnowflake(v, where + ".value"));
          case 7 -> new OptionValue.ChannelOption(toSnowflake(v, where + ".value"));
          case 8 -> new OptionValue.RoleOption(toSnowflake(v, where + ".value"));
          case 9 -> new OptionValue.MentionableOption(toSnowflake(v, where + ".value"));
          case 10 -> {
            double d = v.isNumber() ? v.doubleValue() : Double.parseDouble(v.asText().trim());
            if (!Double.isFinite(d)) {
              throw new NumberFormatException();
            }
            yield new OptionValue.NumberOption(d);
          }
          case 11 -> new OptionValue.AttachmentOption(toSnowflake(v, where + ".value"));
          default -> throw fail(where + " has unknown option type " + type);
        };
      } catch (NumberFormatException e) {
        if (lenient) {
          return null;
        }
        throw fail(where + " (type " + type + ") has a value of the wrong shape");
      }
    }

    Resolved resolved(JsonNode r) {
      if (r == null || !r.isObject()) {
        return Resolved.none();
      }
      Map<Long, DiscordUser> users = new HashMap<>();
      Map<Long, GuildMember> members = new HashMap<>();
      Map<Long, Resolved.Role> roles = new HashMap<>();
      Map<Long, Resolved.Channel> channels = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : entries(r.get("users"))) {
        String path = "resolved.users." + e.getKey();
        users.put(toId(e.getKey(), path), user(e.getValue(), path));
      }
      for (Map.Entry<String, JsonNode> e : entries(r.get("members"))) {
        String path = "resolved.members." + e.getKey();
        members.put(toId(e.getKey(), path), member(e.getValue(), path, false));
      }
      for (Map.Entry<String, JsonNode> e : entries(r.get("roles"))) {
        String path = "resolved.roles." + e.getKey();
        JsonNode role = e.getValue();
        JsonNode perms = role.get("permissions");
        roles.put(
            toId(e.getKey(), path),
            new Resolved.Role(
                toId(e.getKey(), path),
                requiredText(role, "name", path + ".name"),
                perms == null || perms.isNull() ? 0 : bitfield(perms, path + ".permissions"),
                role.path("position").asInt(0),
                role.path("managed").asBoolean(false)));
      }
      for (Map.Entry<String, JsonNode> e : entries(r.get("channels"))) {
        String path = "resolved.channels." + e.getKey();
        JsonNode ch = e.getValue();
        JsonNode perms = ch.get("permissions");
        channels.put(
            toId(e.getKey(), path),
            new Resolved.Channel(
                toId(e.getKey(), path),
                optionalText(ch, "name"),
                requiredInt(ch, "type", path + ".type"),
                perms == null || perms.isNull() ? 0 : bitfield(perms, path + ".permissions")));
      }
      return new Resolved(users, members, roles, channels);
    }

    private List<Map.Entry<String, JsonNode>> entries(JsonNode o) {
      List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
      if (o != null && o.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        it.forEachRemaining(out::add);
      }
      return out;
    }

    private long toId(String key, String path) {
      try {
        return Long.parseUnsignedLong(key);
      } catch (NumberFormatException e) {
        throw fail("key of '" + path + "' is not a snowflake");
      }
    }

    // ------------------------------------------------------------ components and modals

    Interaction.ComponentInteraction component(
        InteractionContext ctx, JsonNode root, JsonNode data) {
      String customId = requiredText(data, "custom_id", "data.custom_id");
      int code = requiredInt(data, "component_type", "data.component_type");
      ComponentType type =
          ComponentType.of(code).orElseThrow(() -> fail("unknown component type " + code));
      List<String> values = new ArrayList<>();
      if (type.isSelect()) {
        JsonNode vs = required(data, "values", "data.values");
        if (!vs.isArray()) {
          throw fail("field 'data.values' is not an array");
        }
        vs.forEach(v -> values.add(v.asText()));
      }
      long messageId =
          requiredSnowflake(requiredObject(root, "message", "message"), "id", "message.id");
      return new Interaction.ComponentInteraction(
          ctx, customId, type, values, messageId, resolved(data.get("resolved")));
    }

    Interaction.ModalSubmit modalSubmit(InteractionContext ctx, JsonNode root, JsonNode data) {
      String customId = requiredText(data, "custom_id", "data.custom_id");
      Map<String, String> fields = new LinkedHashMap<>();
      collectInputs(required(data, "components", "data.components"), fields);
      JsonNode message = root.get("message");
      OptionalLong messageId =
          message != null && message.isObject()
              ? optionalSnowflake(message, "id", "message.id")
              : OptionalLong.empty();
      return new Interaction.ModalSubmit(ctx, customId, fields, messageId);
    }

    /**
     * Text inputs (type 4) anywhere in the modal's tree: inside action rows ({@code components}) in
     * the classic layout, inside labels ({@code component}) in the current one.
     */
    private void collectInputs(JsonNode node, Map<String, String> fields) {
      if (node == null || node.isNull()) {
        return;
      }
      if (node.isArray()) {
        node.forEach(n -> collectInputs(n, fields));
        return;
      }
      if (node.path("type").asInt() == 4 && node.has("custom_id")) {
        fields.put(node.get("custom_id").asText(), node.path("value").asText(""));
        return;
      }
      collectInputs(node.get("components"), fields);
      collectInputs(node.get("component"), fields);
    }
  }
}
