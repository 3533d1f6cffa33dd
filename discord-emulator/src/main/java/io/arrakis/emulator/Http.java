package io.arrakis.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small HTTP plumbing shared by the Discord REST API and the control API. */
final class Http {
  private Http() {}

  /** A parsed request: decoded path segments, captured route parameters, query, body. */
  static final class Call {
    final String method;
    final List<String> segments;
    final Map<String, String> query;
    final Map<String, String> headers;
    final byte[] body;
    final String contentType;
    final long receivedNanos = System.nanoTime();
    Map<String, String> params = Map.of();
    Router.Route route;
    private JsonNode json;
    private UploadForm form;

    Call(
        String method,
        List<String> segments,
        Map<String, String> query,
        Map<String, String> headers,
        byte[] body,
        String contentType) {
      this.method = method;
      this.segments = segments;
      this.query = query;
      this.headers = headers;
      this.body = body;
      this.contentType = contentType;
    }

    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    String param(String name) {
      return params.get(name);
    }

    long snowflake(String name) {
      String v = params.get(name);
      try {
        return Long.parseUnsignedLong(v);
      } catch (NumberFormatException e) {
        return -1L;
      }
    }

    boolean queryFlag(String name) {
      return "true".equalsIgnoreCase(query.get(name));
    }

    String path() {
      return "/" + String.join("/", segments);
    }

    /** JSON body; for multipart/form-data the {@code payload_json} part, as Discord accepts. */
    JsonNode json() {
      if (json == null) {
        json = UploadForm.isMultipart(contentType) ? form().payload() : Json.parse(body);
      }
      return json;
    }

    /** The body as an upload form: the JSON and the {@code files[n]} parts (none for JSON). */
    UploadForm form() {
      if (form == null) {
        form =
            UploadForm.isMultipart(contentType)
                ? UploadForm.parse(body, contentType)
                : new UploadForm(json(), Map.of());
      }
      return form;
    }
  }

  /** A response to write. */
  record Reply(int status, byte[] body, Map<String, String> headers) {
    static Reply json(int status, JsonNode node) {
      return new Reply(status, Json.bytes(node), new LinkedHashMap<>());
    }

    static Reply ok(JsonNode node) {
      return json(200, node);
    }

    static Reply noContent() {
      return new Reply(204, new byte[0], new LinkedHashMap<>());
    }

    /** Discord's error body: {@code {"message": ..., "code": ...}}. */
    static Reply error(int status, int code, String message) {
      ObjectNode o = Json.obj();
      o.put("message", message);
      o.put("code", code);
      return json(status, o);
    }

    Reply header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }

  /** Splits a raw path and percent-decodes each segment ({@code %40original} → @original). */
  static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        out.add(percentDecode(s));
      }
    }
    return out;
  }

  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write((hi << 4) | lo);
          i += 2;
          continue;
        }
      }
      byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      out.write(b, 0, b.length);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static Map<String, String> query(String rawQuery) {
    Map<String, String> q = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return q;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      q.put(percentDecode(k), percentDecode(v.replace('+', ' ')));
    }
    return q;
  }
}
