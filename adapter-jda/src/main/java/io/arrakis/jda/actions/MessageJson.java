package io.arrakis.jda.actions;

import static io.arrakis.jda.actions.JsonFields.at;
import static io.arrakis.jda.actions.JsonFields.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.ActionRow;
import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.EntitySelect;
import io.arrakis.discord.MessageFlag;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.RowComponent;
import io.arrakis.discord.StringSelect;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A {@link MessagePayload} as Discord's message JSON (API v10) and back. The encoding is the one
 * the interaction responder sends ({@code responder.PayloadJson}, package-private there, so it is
 * repeated here): content, embeds and components always present so an edit replaces them, flags
 * only when set. The decoder reads exactly what the encoder writes — content, embeds (title,
 * description, url, color, fields, footer, thumbnail), action rows of buttons, string selects and
 * entity selects, flags — and rejects anything else with a {@link MalformedActionException} naming
 * the field's path.
 *
 * <p>Thread-safe and stateless.
 */
public final class MessageJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int ACTION_ROW = 1;
  private static final int BUTTON = 2;
  private static final int STRING_SELECT = 3;

  private MessageJson() {}

  /** The whole message as Discord's JSON. */
  public static ObjectNode encode(MessagePayload p) {
    ObjectNode o = NODES.objectNode();
    o.put("content", p.content());
    ArrayNode embeds = o.putArray("embeds");
    p.embeds().forEach(e -> embeds.add(embed(e)));
    ArrayNode rows = o.putArray("components");
    p.components().forEach(r -> rows.add(row(r)));
    int flags = MessageFlag.bits(p.flags());
    if (flags != 0) {
      o.put("flags", flags);
    }
    return o;
  }

  /**
   * Reads a message written by {@link #encode}.
   *
   * @param path where the message sits in the document, for error messages (e.g. {@code message})
   * @throws MalformedActionException naming the first field that is missing, ill-typed or refused
   */
  public static MessagePayload decode(JsonNode json, String path) {
    if (JsonFields.absent(json) || !json.isObject()) {
      throw new MalformedActionException("field " + path + " must be an object");
    }
    String content = JsonFields.optText(json, path, "content").orElse("");
    List<Embed> embeds = new ArrayList<>();
    JsonNode embedArray = JsonFields.optArray(json, path, "embeds");
    for (int i = 0; i < embedArray.size(); i++) {
      embeds.add(decodeEmbed(embedArray.get(i), at(at(path, "embeds"), i)));
    }
    List<ActionRow> rows = new ArrayList<>();
    JsonNode rowArray = JsonFields.optArray(json, path, "components");
    for (int i = 0; i < rowArray.size(); i++) {
      rows.add(decodeRow(rowArray.get(i), at(at(path, "components"), i)));
    }
    Set<MessageFlag> flags = decodeFlags(json, path);
    return build(path, () -> new MessagePayload(content, embeds, rows, flags));
  }

  private static ObjectNode embed(Embed e) {
    ObjectNode o = NODES.objectNode();
    o.put("type", "rich");
    e.title().ifPresent(t -> o.put("title", t));
    e.description().ifPresent(d -> o.put("description", d));
    e.url().ifPresent(u -> o.put("url", u));
    e.color().ifPresent(c -> o.put("color", c));
    if (!e.fields().isEmpty()) {
      ArrayNode fields = o.putArray("fields");
      for (Embed.Field f : e.fields()) {
        fields.addObject().put("name", f.name()).put("value", f.value()).put("inline", f.inline());
      }
    }
    e.footer().ifPresent(f -> o.putObject("footer").put("text", f));
    e.thumbnailUrl().ifPresent(u -> o.putObject("thumbnail").put("url", u));
    return o;
  }

  private static ObjectNode row(ActionRow row) {
    ObjectNode o = NODES.objectNode();
    o.put("type", ACTION_ROW);
    ArrayNode cs = o.putArray("components");
    row.components().forEach(c -> cs.add(component(c)));
    return o;
  }

  private static ObjectNode component(RowComponent c) {
    ObjectNode o = NODES.objectNode();
    if (c instanceof Button b) {
      o.put("type", BUTTON);
      o.put("style", b.style().value());
      if (!b.label().isEmpty()) {
        o.put("label", b.label());
      }
      b.customId().ifPresent(id -> o.put("custom_id", id));
      b.url().ifPresent(u -> o.put("url", u));
      b.emoji().ifPresent(e -> o.putObject("emoji").put("name", e));
      if (b.disabled()) {
        o.put("disabled", true);
      }
    } else if (c instanceof StringSelect s) {
      o.put("type", STRING_SELECT);
      o.put("custom_id", s.customId());
      ArrayNode opts = o.putArray("options");
      for (StringSelect.Option opt : s.options()) {
        ObjectNode on = opts.addObject().put("label", opt.label()).put("value", opt.value());
        opt.description().ifPresent(d -> on.put("description", d));
        if (opt.isDefault()) {
          on.put("default", true);
        }
      }
      selectCommon(o, s.placeholder(), s.minValues(), s.maxValues(), s.disabled());
    } else if (c instanceof EntitySelect s) {
      o.put("type", s.kind().componentType());
      o.put("custom_id", s.customId());
      selectCommon(o, s.placeholder(), s.minValues(), s.maxValues(), s.disabled());
    }
    return o;
  }

  private static void selectCommon(
      ObjectNode o, Optional<String> placeholder, int min, int max, boolean disabled) {
    placeholder.ifPresent(p -> o.put("placeholder", p));
    o.put("min_values", min);
    o.put("max_values", max);
    if (disabled) {
      o.put("disabled", true);
    }
  }

  private static Embed decodeEmbed(JsonNode json, String path) {
    requireObject(json, path);
    Optional<String> title = JsonFields.optText(json, path, "title");
    Optional<String> description = JsonFields.optText(json, path, "description");
    Optional<String> url = JsonFields.optText(json, path, "url");
    OptionalInt color = JsonFields.optInteger(json, path, "color");
    List<Embed.Field> fields = new ArrayList<>();
    JsonNode fieldArray = JsonFields.optArray(json, path, "fields");
    for (int i = 0; i < fieldArray.size(); i++) {
      JsonNode f = fieldArray.get(i);
      String fieldPath = at(at(path, "fields"), i);
      requireObject(f, fieldPath);
      String name = JsonFields.text(f, fieldPath, "name");
      String value = JsonFields.text(f, fieldPath, "value");
      boolean inline = JsonFields.optBoolean(f, fieldPath, "inline", false);
      fields.add(build(fieldPath, () -> new Embed.Field(name, value, inline)));
    }
    Optional<String> footer =
        JsonFields.optObject(json, path, "footer")
            .map(f -> JsonFields.text(f, at(path, "footer"), "text"));
    Optional<String> thumbnail =
        JsonFields.optObject(json, path, "thumbnail")
            .map(t -> JsonFields.text(t, at(path, "thumbnail"), "url"));
    return build(path, () -> new Embed(title, description, url, color, fields, footer, thumbnail));
  }

  private static ActionRow decodeRow(JsonNode json, String path) {
    requireObject(json, path);
    int type = JsonFields.integer(json, path, "type");
    if (type != ACTION_ROW) {
      throw new MalformedActionException(
          "field " + at(path, "type") + " must be 1 (an action row), got " + type);
    }
    JsonNode array = JsonFields.array(json, path, "components");
    List<RowComponent> components = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      components.add(decodeComponent(array.get(i), at(at(path, "components"), i)));
    }
    return build(path, () -> new ActionRow(components));
  }

  private static RowComponent decodeComponent(JsonNode json, String path) {
    requireObject(json, path);
    int type = JsonFields.integer(json, path, "type");
    if (type == BUTTON) {
      return decodeButton(json, path);
    }
    if (type == STRING_SELECT) {
      return decodeStringSelect(json, path);
    }
    for (EntitySelect.Kind kind : EntitySelect.Kind.values()) {
      if (kind.componentType() == type) {
        String customId = JsonFields.text(json, path, "custom_id");
        Optional<String> placeholder = JsonFields.optText(json, path, "placeholder");
        int min = JsonFields.optInteger(json, path, "min_values").orElse(1);
        int max = JsonFields.optInteger(json, path, "max_values").orElse(1);
        boolean disabled = JsonFields.optBoolean(json, path, "disabled", false);
        return build(path, () -> new EntitySelect(kind, customId, placeholder, min, max, disabled));
      }
    }
    throw new MalformedActionException(
        "field "
            + at(path, "type")
            + " must be 2 (button), 3 (string select) or 5-8 (entity select), got "
            + type);
  }

  private static Button decodeButton(JsonNode json, String path) {
    int styleValue = JsonFields.integer(json, path, "style");
    Button.Style style = null;
    for (Button.Style s : Button.Style.values()) {
      if (s.value() == styleValue) {
        style = s;
      }
    }
    if (style == null) {
      throw new MalformedActionException(
          "field " + at(path, "style") + " must be a button style 1-5, got " + styleValue);
    }
    Button.Style buttonStyle = style;
    String label = JsonFields.optText(json, path, "label").orElse("");
    Optional<String> customId = JsonFields.optText(json, path, "custom_id");
    Optional<String> url = JsonFields.optText(json, path, "url");
    Optional<String> emoji =
        JsonFields.optObject(json, path, "emoji")
            .map(e -> JsonFields.text(e, at(path, "emoji"), "name"));
    boolean disabled = JsonFields.optBoolean(json, path, "disabled", false);
    return build(path, () -> new Button(buttonStyle, label, customId, url, emoji, disabled));
  }

  private static StringSelect decodeStringSelect(JsonNode json, String path) {
    String customId = JsonFields.text(json, path, "custom_id");
    JsonNode array = JsonFields.array(json, path, "options");
    List<StringSelect.Option> options = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode o = array.get(i);
      String optionPath = at(at(path, "options"), i);
      requireObject(o, optionPath);
      String label = JsonFields.text(o, optionPath, "label");
      String value = JsonFields.text(o, optionPath, "value");
      Optional<String> description = JsonFields.optText(o, optionPath, "description");
      boolean isDefault = JsonFields.optBoolean(o, optionPath, "default", false);
      options.add(
          build(optionPath, () -> new StringSelect.Option(label, value, description, isDefault)));
    }
    Optional<String> placeholder = JsonFields.optText(json, path, "placeholder");
    int min = JsonFields.optInteger(json, path, "min_values").orElse(1);
    int max = JsonFields.optInteger(json, path, "max_values").orElse(1);
    boolean disabled = JsonFields.optBoolean(json, path, "disabled", false);
    return build(path, () -> new StringSelect(customId, options, placeholder, min, max, disabled));
  }

  private static Set<MessageFlag> decodeFlags(JsonNode json, String path) {
    int bits = JsonFields.optInteger(json, path, "flags").orElse(0);
    Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
    int known = 0;
    for (MessageFlag f : MessageFlag.values()) {
      known |= f.bit();
      if ((bits & f.bit()) != 0) {
        flags.add(f);
      }
    }
    if ((bits & ~known) != 0) {
      throw new MalformedActionException(
          "field "
              + at(path, "flags")
              + " has bits this system does not send: 0x"
              + Integer.toHexString(bits & ~known));
    }
    return flags;
  }

  private static void requireObject(JsonNode json, String path) {
    if (json == null || !json.isObject()) {
      throw new MalformedActionException(
          "field " + path + " must be an object, got " + describe(json));
    }
  }

  private static String describe(JsonNode node) {
    return node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
