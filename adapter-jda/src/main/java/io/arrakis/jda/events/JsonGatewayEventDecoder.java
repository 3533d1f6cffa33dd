package io.arrakis.jda.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.discord.gateway.GatewayEventDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decodes the gateway events of spec §17 with Jackson's tree model. Strict on the fields the bot
 * needs (ids must be snowflake strings), lenient on everything else Discord adds. Error messages
 * name the field and never quote its text (it can be user content).
 */
public final class JsonGatewayEventDecoder implements GatewayEventDecoder {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,20}");

  @Override
  public GatewayEvent decode(String type, byte[] payload) {
    JsonNode d = read(type, payload);
    return switch (type) {
      case "GUILD_CREATE" ->
          new GatewayEvent.GuildCreate(
              id(d, "id"),
              d.path("name").asText(""),
              bool(d, "unavailable"),
              bool(d, "large"),
              d.path("member_count").asInt(0),
              members(d.path("members"), "members"));
      case "GUILD_DELETE" -> new GatewayEvent.GuildDelete(id(d, "id"), bool(d, "unavailable"));
      case "GUILD_MEMBER_ADD" -> new GatewayEvent.MemberAdd(id(d, "guild_id"), member(d, ""));
      case "GUILD_MEMBER_UPDATE" -> new GatewayEvent.MemberUpdate(id(d, "guild_id"), member(d, ""));
      case "GUILD_MEMBER_REMOVE" ->
          new GatewayEvent.MemberRemove(id(d, "guild_id"), id(object(d, "user"), "user.id"));
      case "GUILD_MEMBERS_CHUNK" ->
          new GatewayEvent.MembersChunk(
              id(d, "guild_id"),
              members(d.path("members"), "members"),
              d.path("chunk_index").asInt(0),
              d.path("chunk_count").asInt(1));
      case "MESSAGE_CREATE" -> {
        JsonNode author = object(d, "author");
        boolean notAPerson =
            bool(author, "bot") || bool(author, "system") || d.hasNonNull("webhook_id");
        yield new GatewayEvent.MessageCreate(
            id(d, "id"),
            optId(d, "guild_id"),
            id(d, "channel_id"),
            id(author, "author.id"),
            notAPerson);
      }
      case "MESSAGE_REACTION_ADD" ->
          new GatewayEvent.ReactionAdd(
              id(d, "message_id"),
              optId(d, "guild_id"),
              id(d, "channel_id"),
              id(d, "user_id"),
              bool(d.path("member").path("user"), "bot"),
              optId(d, "message_author_id"));
      case "GUILD_ROLE_CREATE" -> {
        JsonNode role = object(d, "role");
        yield new GatewayEvent.RoleCreate(
            id(d, "guild_id"), id(role, "role.id"), role.path("name").asText(""));
      }
      case "CHANNEL_CREATE" ->
          new GatewayEvent.ChannelCreate(
              optId(d, "guild_id"),
              id(d, "id"),
              d.path("name").asText(""),
              d.path("type").asInt(-1));
      default -> throw new IllegalArgumentException("no decoder for gateway event " + type);
    };
  }

  private static JsonNode read(String type, byte[] payload) {
    JsonNode d;
    try {
      d = MAPPER.readTree(payload);
    } catch (IOException ex) {
      throw new IllegalArgumentException(type + " payload is not valid JSON");
    }
    if (d == null || !d.isObject()) {
      throw new IllegalArgumentException(type + " payload is not a JSON object");
    }
    return d;
  }

  private static List<GatewayEvent.Member> members(JsonNode array, String path) {
    if (array.isMissingNode() || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException("field " + path + " must be an array");
    }
    List<GatewayEvent.Member> members = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      members.add(member(array.get(i), path + "[" + i + "]"));
    }
    return members;
  }

  /** A member object: {@code user} (id, bot) and {@code roles}. */
  private static GatewayEvent.Member member(JsonNode m, String path) {
    String prefix = path.isEmpty() ? "" : path + ".";
    JsonNode user = object(m, "user", prefix + "user");
    Set<Long> roles = new HashSet<>();
    JsonNode array = m.path("roles");
    if (!array.isMissingNode() && !array.isNull()) {
      if (!array.isArray()) {
        throw new IllegalArgumentException("field " + prefix + "roles must be an array");
      }
      for (int i = 0; i < array.size(); i++) {
        roles.add(snowflake(array.get(i), prefix + "roles[" + i + "]"));
      }
    }
    return new GatewayEvent.Member(id(user, prefix + "user.id"), bool(user, "bot"), roles);
  }

  private static JsonNode object(JsonNode parent, String name) {
    return object(parent, name, name);
  }

  private static JsonNode object(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("field " + path + " must be an object");
    }
    return node;
  }

  /** The id field {@code name} of {@code node}; {@code path} names it in errors. */
  private static long id(JsonNode node, String path) {
    String name = path.substring(path.lastIndexOf('.') + 1);
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("field " + path + " is required");
    }
    return snowflake(value, path);
  }

  private static OptionalLong optId(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(snowflake(value, name));
  }

  private static long snowflake(JsonNode value, String path) {
    if (!value.isTextual() || !SNOWFLAKE.matcher(value.textValue()).matches()) {
      throw new IllegalArgumentException("field " + path + " must be a snowflake string");
    }
    try {
      return Long.parseUnsignedLong(value.textValue());
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException("field " + path + " is out of the snowflake range");
    }
  }

  private static boolean bool(JsonNode node, String name) {
    return node.path(name).asBoolean(false);
  }
}
