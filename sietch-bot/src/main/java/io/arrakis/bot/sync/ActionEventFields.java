package io.arrakis.bot.sync;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads top-level string fields of the ingestor's flat action events ({@code {"action_id":"…",
 * "reason":"…",…}}). sietch-bot may use no JSON library (architecture rule), and these events are
 * one flat object of strings written by Jackson, so a string-literal reader is all it takes.
 */
final class ActionEventFields {
  private final String json;

  ActionEventFields(byte[] payload) {
    this.json = new String(payload, StandardCharsets.UTF_8).strip();
    if (!json.startsWith("{") || !json.endsWith("}")) {
      throw new IllegalArgumentException("action event is not a JSON object");
    }
  }

  /** The string value of {@code name}, unescaped; empty when absent or not a string. */
  Optional<String> string(String name) {
    String key = "\"" + name + "\"";
    int at = json.indexOf(key);
    while (at >= 0) {
      int i = skipSpaces(at + key.length());
      if (i < json.length() && json.charAt(i) == ':') {
        i = skipSpaces(i + 1);
        if (i < json.length() && json.charAt(i) == '"') {
          return Optional.of(literal(i + 1));
        }
        return Optional.empty();
      }
      at = json.indexOf(key, at + 1);
    }
    return Optional.empty();
  }

  String required(String name) {
    return string(name)
        .orElseThrow(() -> new IllegalArgumentException("action event without " + name));
  }

  private int skipSpaces(int i) {
    while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
      i++;
    }
    return i;
  }

  private String literal(int start) {
    StringBuilder out = new StringBuilder();
    for (int i = start; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = json.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(e); // \" \\ \/
      }
    }
    throw new IllegalArgumentException("unterminated string in action event");
  }
}
