package io.arrakis.jda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * A gateway payload {@code {op, s, t, d}} with {@code d} located by byte offsets in the original
 * bytes, so the dispatch body is published exactly as received (no re-serialisation). A scalar
 * {@code d} (heartbeat, invalid session) is kept as text.
 */
record GatewayFrame(
    int op, long sequence, String type, byte[] json, int dataStart, int dataEnd, String scalar) {
  static final int DISPATCH = 0;
  static final int IDENTIFY = 2;
  static final int RESUME = 6;
  static final int INVALID_SESSION = 9;
  static final long NO_SEQUENCE = -1;

  private static final JsonFactory JSON = new JsonFactory();

  byte[] data() {
    return dataStart < 0 ? new byte[0] : Arrays.copyOfRange(json, dataStart, dataEnd);
  }

  boolean hasData() {
    return dataStart >= 0;
  }

  /** Reads the envelope fields with a streaming parser; {@code d} is skipped, not built. */
  static GatewayFrame read(byte[] json) throws IOException {
    int op = -1;
    long seq = NO_SEQUENCE;
    String type = null;
    int dStart = -1;
    int dEnd = -1;
    String scalar = null;
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("gateway payload is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "op" -> op = p.getIntValue();
          case "s" -> seq = value == JsonToken.VALUE_NULL ? NO_SEQUENCE : p.getLongValue();
          case "t" -> type = value == JsonToken.VALUE_NULL ? null : p.getText();
          case "d" -> {
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
              dStart = (int) p.currentTokenLocation().getByteOffset();
              p.skipChildren();
              dEnd = (int) p.currentTokenLocation().getByteOffset() + 1;
            } else if (value != JsonToken.VALUE_NULL) {
              scalar = p.getText(); // e.g. INVALID_SESSION's resumable flag
            }
          }
          default -> p.skipChildren();
        }
      }
    }
    if (op < 0) {
      throw new IOException("gateway payload without op");
    }
    return new GatewayFrame(op, seq, type, json, dStart, dEnd, scalar);
  }
}
