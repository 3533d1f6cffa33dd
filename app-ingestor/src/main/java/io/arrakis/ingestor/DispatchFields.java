package io.arrakis.ingestor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * The few fields of a dispatch's {@code d} that routing needs, read with a streaming parser that
 * skips everything else (no tree is built on the hot path).
 *
 * @param id top-level {@code id} (the interaction id, or the guild id of GUILD_CREATE/DELETE)
 * @param guildId top-level {@code guild_id}
 * @param interactionType top-level {@code type} of an interaction (2 command, 3 component, 4
 *     autocomplete, 5 modal), 0 when absent
 * @param name {@code data.name} (command name)
 * @param customId {@code data.custom_id} (component or modal)
 */
record DispatchFields(
    Optional<String> id,
    Optional<String> guildId,
    int interactionType,
    Optional<String> name,
    Optional<String> customId) {
  private static final JsonFactory JSON = new JsonFactory();

  static DispatchFields read(byte[] data) throws IOException {
    String id = null;
    String guildId = null;
    int type = 0;
    String name = null;
    String customId = null;
    try (JsonParser p = JSON.createParser(data)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new DispatchFields(
            Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty());
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "id" -> id = value.isScalarValue() ? p.getText() : skip(p);
          case "guild_id" -> guildId = value.isScalarValue() ? p.getText() : skip(p);
          case "type" -> type = value.isNumeric() ? p.getIntValue() : 0;
          case "data" -> {
            if (value == JsonToken.START_OBJECT) {
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String inner = p.currentName();
                JsonToken innerValue = p.nextToken();
                if (inner.equals("name") && innerValue == JsonToken.VALUE_STRING) {
                  name = p.getText();
                } else if (inner.equals("custom_id") && innerValue == JsonToken.VALUE_STRING) {
                  customId = p.getText();
                } else {
                  p.skipChildren();
                }
              }
            } else {
              p.skipChildren();
            }
          }
          default -> p.skipChildren();
        }
      }
    }
    return new DispatchFields(
        Optional.ofNullable(id),
        Optional.ofNullable(guildId),
        type,
        Optional.ofNullable(name),
        Optional.ofNullable(customId));
  }

  private static String skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }
}
