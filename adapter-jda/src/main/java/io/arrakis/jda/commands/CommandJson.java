package io.arrakis.jda.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.AutocompleteChoices.Choice;
import io.arrakis.discord.AutocompleteChoices.IntegerValue;
import io.arrakis.discord.AutocompleteChoices.NumberValue;
import io.arrakis.discord.AutocompleteChoices.TextValue;
import io.arrakis.discord.command.CommandDefinition;
import io.arrakis.discord.command.CommandOption;
import io.arrakis.discord.command.CommandSet;
import io.arrakis.discord.command.InteractionContextType;
import io.arrakis.discord.command.OptionType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Command definitions in Discord's JSON (snake_case, API v10), and the canonical form both our
 * definitions and Discord's stored ones are reduced to before comparing: defaults filled in ({@code
 * required: false}, no choices, …), read-only fields ({@code id}, {@code version}, {@code
 * application_id}, {@code guild_id}) dropped, numbers compared by value, and the global-only fields
 * ({@code contexts}, {@code integration_types}) compared only in the global scope.
 */
public final class CommandJson {
  private CommandJson() {}

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** The bulk-overwrite body for {@code scope}. */
  public static ArrayNode toJson(CommandSet commands, CommandScope scope) {
    ArrayNode a = F.arrayNode();
    commands.commands().forEach(c -> a.add(toJson(c, scope)));
    return a;
  }

  /**
   * One command as Discord expects it. Guild-scoped commands get no {@code contexts}, {@code
   * integration_types} or {@code dm_permission}: Discord documents them for global commands only
   * (guild commands exist only in their guild anyway).
   */
  public static ObjectNode toJson(CommandDefinition c, CommandScope scope) {
    ObjectNode o = F.objectNode();
    o.put("type", 1);
    o.put("name", c.name());
    o.put("description", c.description());
    ArrayNode options = o.putArray("options");
    c.options().forEach(opt -> options.add(toJson(opt)));
    if (c.defaultMemberPermissions().isPresent()) {
      o.put("default_member_permissions", Long.toString(c.defaultMemberPermissions().get()));
    } else {
      o.putNull("default_member_permissions");
    }
    o.put("nsfw", c.nsfw());
    if (scope.isGlobal()) {
      ArrayNode contexts = o.putArray("contexts");
      c.contexts().stream().map(InteractionContextType::value).sorted().forEach(contexts::add);
      o.putArray("integration_types").add(0);
      // Deprecated in favour of contexts, still honoured by Discord and older clients.
      o.put(
          "dm_permission", !c.guildOnly() && c.contexts().contains(InteractionContextType.BOT_DM));
    }
    return o;
  }

  static ObjectNode toJson(CommandOption opt) {
    ObjectNode o = F.objectNode();
    o.put("type", opt.type().value());
    o.put("name", opt.name());
    o.put("description", opt.description());
    if (opt.required()) {
      o.put("required", true);
    }
    if (!opt.choices().isEmpty()) {
      ArrayNode choices = o.putArray("choices");
      for (Choice ch : opt.choices()) {
        ObjectNode co = choices.addObject();
        co.put("name", ch.name());
        if (ch.value() instanceof TextValue t) {
          co.put("value", t.value());
        } else if (ch.value() instanceof IntegerValue i) {
          co.put("value", i.value());
        } else {
          co.put("value", ((NumberValue) ch.value()).value());
        }
      }
    }
    if (opt.autocomplete()) {
      o.put("autocomplete", true);
    }
    bound(o, "min_value", opt.minValue(), opt.type());
    bound(o, "max_value", opt.maxValue(), opt.type());
    opt.minLength().ifPresent(v -> o.put("min_length", v));
    opt.maxLength().ifPresent(v -> o.put("max_length", v));
    if (!opt.channelTypes().isEmpty()) {
      ArrayNode types = o.putArray("channel_types");
      opt.channelTypes().forEach(types::add);
    }
    if (!opt.options().isEmpty()) {
      ArrayNode nested = o.putArray("options");
      opt.options().forEach(n -> nested.add(toJson(n)));
    }
    return o;
  }

  private static void bound(ObjectNode o, String field, OptionalDouble v, OptionType type) {
    if (v.isPresent()) {
      if (type == OptionType.INTEGER) {
        o.put(field, (long) v.getAsDouble());
      } else {
        o.put(field, v.getAsDouble());
      }
    }
  }

  // ------------------------------------------------------------------------------- canonical

  /** A command (ours or Discord's) reduced to the fields Discord keeps, defaults made explicit. */
  public static ObjectNode canonical(JsonNode c, CommandScope scope) {
    ObjectNode o = F.objectNode();
    o.put("type", c.path("type").asInt(1));
    o.put("name", c.path("name").asText(""));
    o.put("description", c.path("description").asText(""));
    localizations(c, o);
    o.set("options", canonicalOptions(c.path("options")));
    JsonNode dmp = c.get("default_member_permissions");
    if (dmp == null || dmp.isNull()) {
      o.putNull("default_member_permissions");
    } else {
      o.put("default_member_permissions", dmp.asText());
    }
    o.put("nsfw", c.path("nsfw").asBoolean(false));
    if (scope.isGlobal()) {
      ArrayNode contexts = o.putArray("contexts");
      JsonNode given = c.get("contexts");
      if (given != null && given.isArray()) {
        List<Integer> values = new ArrayList<>();
        given.forEach(v -> values.add(v.asInt()));
        values.stream().sorted().distinct().forEach(contexts::add);
      } else if (!c.path("dm_permission").asBoolean(true)) {
        contexts.add(0);
      } else {
        contexts.add(0).add(1).add(2);
      }
      ArrayNode integration = o.putArray("integration_types");
      JsonNode it = c.get("integration_types");
      if (it != null && it.isArray() && !it.isEmpty()) {
        List<Integer> values = new ArrayList<>();
        it.forEach(v -> values.add(v.asInt()));
        values.stream().sorted().distinct().forEach(integration::add);
      } else {
        integration.add(0);
      }
    }
    return o;
  }

  private static ArrayNode canonicalOptions(JsonNode options) {
    ArrayNode a = F.arrayNode();
    if (options != null && options.isArray()) {
      options.forEach(opt -> a.add(canonicalOption(opt)));
    }
    return a;
  }

  private static ObjectNode canonicalOption(JsonNode opt) {
    ObjectNode o = F.objectNode();
    o.put("type", opt.path("type").asInt());
    o.put("name", opt.path("name").asText(""));
    o.put("description", opt.path("description").asText(""));
    localizations(opt, o);
    o.put("required", opt.path("required").asBoolean(false));
    ArrayNode choices = o.putArray("choices");
    JsonNode given = opt.get("choices");
    if (given != null && given.isArray()) {
      for (JsonNode ch : given) {
        ObjectNode co = choices.addObject();
        co.put("name", ch.path("name").asText(""));
        localizations(ch, co);
        co.set("value", value(ch.get("value")));
      }
    }
    o.put("autocomplete", opt.path("autocomplete").asBoolean(false));
    for (String f : List.of("min_value", "max_value", "min_length", "max_length")) {
      JsonNode v = opt.get(f);
      if (v != null && !v.isNull()) {
        o.set(f, value(v));
      }
    }
    JsonNode types = opt.get("channel_types");
    if (types != null && types.isArray() && !types.isEmpty()) {
      List<Integer> values = new ArrayList<>();
      types.forEach(v -> values.add(v.asInt()));
      ArrayNode ct = o.putArray("channel_types");
      values.stream().sorted().distinct().forEach(ct::add);
    }
    o.set("options", canonicalOptions(opt.get("options")));
    return o;
  }

  /** Numbers compared by value (10 = 10.0); strings stay strings. */
  private static JsonNode value(JsonNode v) {
    if (v == null || v.isNull()) {
      return F.nullNode();
    }
    if (v.isNumber()) {
      BigDecimal d = v.decimalValue().stripTrailingZeros();
      return DecimalNode.valueOf(d.signum() == 0 ? BigDecimal.ZERO : d);
    }
    return F.textNode(v.asText());
  }

  private static void localizations(JsonNode from, ObjectNode to) {
    for (String f : List.of("name_localizations", "description_localizations")) {
      JsonNode v = from.get(f);
      if (v != null && v.isObject() && !v.isEmpty()) {
        to.set(f, v.deepCopy());
      }
    }
  }

  // ------------------------------------------------------------------------------- diff

  /**
   * Where two canonical commands differ, as readable paths: {@code description}, {@code
   * options[plan].options[batch_size].max_value}, {@code default_member_permissions}, …
   */
  static List<String> differences(JsonNode ours, JsonNode theirs) {
    List<String> out = new ArrayList<>();
    diff("", ours, theirs, out);
    return out;
  }

  private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
    if (a.equals(b)) {
      return;
    }
    if (a.isObject() && b.isObject()) {
      List<String> keys = new ArrayList<>();
      a.fieldNames().forEachRemaining(keys::add);
      for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
        String k = it.next().getKey();
        if (!keys.contains(k)) {
          keys.add(k);
        }
      }
      for (String k : keys) {
        JsonNode av = a.path(k);
        JsonNode bv = b.path(k);
        if (!av.equals(bv)) {
          diff(path.isEmpty() ? k : path + "." + k, av, bv, out);
        }
      }
      return;
    }
    if (a.isArray() && b.isArray() && a.size() == b.size() && namedSameOrder(a, b)) {
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).equals(b.get(i))) {
          String name = a.get(i).path("name").asText();
          diff(path + "[" + name + "]", a.get(i), b.get(i), out);
        }
      }
      return;
    }
    out.add(path);
  }

  private static boolean namedSameOrder(JsonNode a, JsonNode b) {
    for (int i = 0; i < a.size(); i++) {
      JsonNode an = a.get(i).get("name");
      if (an == null || !an.equals(b.get(i).get("name"))) {
        return false;
      }
    }
    return true;
  }
}
