package io.arrakis.jda.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Strict reads of JSON fields that fail with a {@link MalformedActionException} naming the field by
 * its path ({@code message.embeds[0].title}). A JSON {@code null} counts as absent. Error messages
 * never quote text values (they can be user content); ids and numbers are quoted.
 */
final class JsonFields {
  private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,20}");

  private JsonFields() {}

  /** The path of {@code name} under {@code parent} ({@code ""} for the root). */
  static String at(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  /** The path of element {@code index} of the array at {@code array}. */
  static String at(String array, int index) {
    return array + "[" + index + "]";
  }

  static boolean absent(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull();
  }

  static JsonNode object(JsonNode parent, String path, String name) {
    JsonNode node = required(parent, path, name);
    if (!node.isObject()) {
      throw wrongType(at(path, name), "an object", node);
    }
    return node;
  }

  static Optional<JsonNode> optObject(JsonNode parent, String path, String name) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw wrongType(at(path, name), "an object", node);
    }
    return Optional.of(node);
  }

  /** An array, or an empty one when the field is absent. */
  static JsonNode optArray(JsonNode parent, String path, String name) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      return JsonNodeFactory.instance.arrayNode();
    }
    if (!node.isArray()) {
      throw wrongType(at(path, name), "an array", node);
    }
    return node;
  }

  static JsonNode array(JsonNode parent, String path, String name) {
    JsonNode node = required(parent, path, name);
    if (!node.isArray()) {
      throw wrongType(at(path, name), "an array", node);
    }
    return node;
  }

  static String text(JsonNode parent, String path, String name) {
    JsonNode node = required(parent, path, name);
    if (!node.isTextual()) {
      throw wrongType(at(path, name), "a string", node);
    }
    return node.textValue();
  }

  static Optional<String> optText(JsonNode parent, String path, String name) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw wrongType(at(path, name), "a string", node);
    }
    return Optional.of(node.textValue());
  }

  static int integer(JsonNode parent, String path, String name) {
    JsonNode node = required(parent, path, name);
    return asInt(node, at(path, name));
  }

  static OptionalInt optInteger(JsonNode parent, String path, String name) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(asInt(node, at(path, name)));
  }

  static boolean optBoolean(JsonNode parent, String path, String name, boolean otherwise) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      return otherwise;
    }
    if (!node.isBoolean()) {
      throw wrongType(at(path, name), "a boolean", node);
    }
    return node.booleanValue();
  }

  /** A Discord id: a string of decimal digits within an unsigned 64-bit range, as Discord sends. */
  static long snowflake(JsonNode parent, String path, String name) {
    JsonNode node = required(parent, path, name);
    String field = at(path, name);
    if (!node.isTextual()) {
      throw wrongType(field, "a snowflake string", node);
    }
    String value = node.textValue();
    if (!SNOWFLAKE.matcher(value).matches()) {
      throw new MalformedActionException(
          "field " + field + " must be a snowflake (decimal digits): \"" + clip(value) + "\"");
    }
    try {
      return Long.parseUnsignedLong(value);
    } catch (NumberFormatException ex) {
      throw new MalformedActionException(
          "field " + field + " is out of the 64-bit snowflake range: " + value);
    }
  }

  /**
   * Builds a port value from decoded fields; a limit it refuses (too long, out of range) becomes a
   * {@link MalformedActionException} that names the path of the value.
   */
  static <T> T build(String path, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException ex) {
      throw new MalformedActionException(
          path.isEmpty() ? ex.getMessage() : path + ": " + ex.getMessage());
    }
  }

  private static JsonNode required(JsonNode parent, String path, String name) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      throw new MalformedActionException("missing field " + at(path, name));
    }
    return node;
  }

  private static int asInt(JsonNode node, String field) {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw wrongType(field, "a 32-bit integer", node);
    }
    return node.intValue();
  }

  private static MalformedActionException wrongType(String field, String expected, JsonNode got) {
    return new MalformedActionException(
        "field " + field + " must be " + expected + ", got " + describe(got));
  }

  private static String describe(JsonNode node) {
    String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
    return node.isNumber() ? type + " " + clip(node.asText()) : type;
  }

  /** Ids and numbers in messages, cut so a garbage value cannot flood a dead-letter header. */
  private static String clip(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
