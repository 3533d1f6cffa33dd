package io.arrakis.bot.setup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A flat JSON object of string values: what the Redis sessions of this package hold. sietch-bot has
 * no JSON library (ports and the domain only), and these sessions need no more than this.
 */
final class FlatJson {
  private FlatJson() {}

  static String write(Map<String, String> values) {
    StringBuilder b = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      quote(b, e.getKey());
      b.append(':');
      quote(b, e.getValue());
    }
    return b.append('}').toString();
  }

  private static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /** Parses what {@link #write} wrote; throws {@link IllegalArgumentException} otherwise. */
  static Map<String, String> read(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    int[] pos = {skip(json, 0)};
    expect(json, pos, '{');
    pos[0] = skip(json, pos[0]);
    if (pos[0] < json.length() && json.charAt(pos[0]) == '}') {
      return out;
    }
    while (true) {
      pos[0] = skip(json, pos[0]);
      String key = string(json, pos);
      pos[0] = skip(json, pos[0]);
      expect(json, pos, ':');
      pos[0] = skip(json, pos[0]);
      out.put(key, string(json, pos));
      pos[0] = skip(json, pos[0]);
      if (pos[0] >= json.length()) {
        throw new IllegalArgumentException("unterminated object");
      }
      char c = json.charAt(pos[0]++);
      if (c == '}') {
        return out;
      }
      if (c != ',') {
        throw new IllegalArgumentException("expected , or } at " + (pos[0] - 1));
      }
    }
  }

  private static int skip(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void expect(String s, int[] pos, char c) {
    if (pos[0] >= s.length() || s.charAt(pos[0]) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + pos[0]);
    }
    pos[0]++;
  }

  private static String string(String s, int[] pos) {
    expect(s, pos, '"');
    StringBuilder b = new StringBuilder();
    while (pos[0] < s.length()) {
      char c = s.charAt(pos[0]++);
      if (c == '"') {
        return b.toString();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = s.charAt(pos[0]++);
      switch (e) {
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
          pos[0] += 4;
        }
        default -> b.append(e);
      }
    }
    throw new IllegalArgumentException("unterminated string");
  }
}
