package io.arrakis.bot.profile;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A flat {@code key=value&…} form for session values: URL-encoded, so any text (a bio with {@code
 * &} or newlines) survives, and readable in {@code redis-cli}. The bot module has no JSON library
 * and the sessions hold a handful of strings.
 */
final class SessionCodec {
  private SessionCodec() {}

  static String encode(Map<String, String> values) {
    StringJoiner out = new StringJoiner("&");
    values.forEach(
        (k, v) ->
            out.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }

  /** Unknown or malformed parts are skipped: a damaged session reads as a partly empty one. */
  static Map<String, String> decode(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw.isEmpty()) {
      return values;
    }
    for (String part : raw.split("&", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      try {
        values.put(
            URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException malformed) {
        // skipped: see above
      }
    }
    return values;
  }
}
