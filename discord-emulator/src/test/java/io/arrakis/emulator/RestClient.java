package io.arrakis.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP for REST and control API tests. */
final class RestClient {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A response: status, parsed body and the raw response for headers. */
  record Res(int status, JsonNode body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final String base;
  private final String token;

  RestClient(DiscordEmulator e) {
    this.base = e.baseUrl();
    this.token = e.config().token();
  }

  Res api(String method, String path, Object body) {
    return call(method, "/api/v10" + path, body, "Bot " + token);
  }

  Res apiNoAuth(String method, String path, Object body) {
    return call(method, "/api/v10" + path, body, null);
  }

  Res control(String method, String path, Object body) {
    return call(method, "/_emulator" + path, body, null);
  }

  Res call(String method, String path, Object body, String auth) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
      String json =
          body == null ? null : body instanceof String s ? s : Json.MAPPER.writeValueAsString(body);
      b.method(
          method,
          json == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(json));
      if (json != null) {
        b.header("Content-Type", "application/json");
      }
      if (auth != null) {
        b.header("Authorization", auth);
      }
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode n = r.body() == null || r.body().isEmpty() ? null : Json.parse(r.body());
      return new Res(r.statusCode(), n, r);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
