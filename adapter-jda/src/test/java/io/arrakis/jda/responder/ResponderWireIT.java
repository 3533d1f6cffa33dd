package io.arrakis.jda.responder;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.arrakis.discord.InteractionResponder;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.InteractionToken;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.ResponseOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What goes on the wire, seen by a plain recording HTTP server: routes, methods and headers — in
 * particular that no request carries an {@code Authorization} header.
 */
class ResponderWireIT {
  record Seen(String method, String uri, Map<String, List<String>> headers, String body) {}

  private HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          seen.add(
              new Seen(
                  ex.getRequestMethod(),
                  ex.getRequestURI().toString(),
                  Map.copyOf(ex.getRequestHeaders()),
                  body));
          if (ex.getRequestMethod().equals("DELETE")
              || ex.getRequestURI().getPath().endsWith("/callback")) {
            ex.sendResponseHeaders(204, -1);
          } else {
            byte[] out = "{\"id\":\"42\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
          }
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void givenEveryRoute_requests_carryNoAuthorizationHeaderAndHitDiscordsPaths() {
    URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    InteractionResponder r =
        InteractionResponders.http(api, Duration.ofSeconds(2), new SimpleMeterRegistry());
    InteractionToken t = new InteractionToken(111L, 222L, "tok-en_1");

    assertThat(r.respond(t, new InteractionResponse.Defer(true)).sent()).isTrue();
    ResponseOutcome followup = r.followup(t, MessagePayload.text("f"));
    assertThat(r.editOriginal(t, MessagePayload.text("e")).sent()).isTrue();
    assertThat(r.deleteOriginal(t).sent()).isTrue();

    assertThat(((ResponseOutcome.Sent) followup).messageId()).hasValue(42L);
    assertThat(seen)
        .extracting(s -> s.method() + " " + s.uri())
        .containsExactly(
            "POST /api/v10/interactions/111/tok-en_1/callback?with_response=true",
            "POST /api/v10/webhooks/222/tok-en_1?wait=true",
            "PATCH /api/v10/webhooks/222/tok-en_1/messages/%40original",
            "DELETE /api/v10/webhooks/222/tok-en_1/messages/%40original");
    for (Seen s : seen) {
      assertThat(s.headers().keySet())
          .as("headers of %s %s", s.method(), s.uri())
          .noneMatch(h -> h.equalsIgnoreCase("Authorization"));
      assertThat(s.headers().get("User-agent")).singleElement().asString().startsWith("DiscordBot");
    }
    assertThat(seen.get(0).body()).isEqualTo("{\"type\":5,\"data\":{\"flags\":64}}");
  }

  @Test
  void givenNothingListening_calls_retryThenEndUnavailableAndNotDelivered() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    InteractionResponder r =
        InteractionResponders.http(
            new ResponderSettings(
                URI.create("http://127.0.0.1:" + port + "/api"),
                Duration.ofMillis(500),
                3,
                Duration.ofSeconds(1),
                Duration.ofMillis(10)),
            new SimpleMeterRegistry());

    ResponseOutcome out =
        r.followup(new InteractionToken(1L, 2L, "t"), MessagePayload.text("never sent"));

    assertThat(out).isInstanceOf(ResponseOutcome.Unavailable.class);
    assertThat(out.attempts()).isEqualTo(3);
    assertThat(((ResponseOutcome.Unavailable) out).mayHaveBeenDelivered()).isFalse();
  }
}
