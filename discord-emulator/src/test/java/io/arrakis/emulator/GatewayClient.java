package io.arrakis.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.Inflater;

/**
 * A minimal, independent gateway client for protocol tests (JDK WebSocket, own zlib-stream
 * inflater). It records every payload and the close code so tests can assert the exact protocol.
 */
final class GatewayClient implements AutoCloseable {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final int ALL_NON_PRIVILEGED = (1 << 0) | (1 << 9) | (1 << 10) | (1 << 12);
  static final int WITH_MEMBERS = ALL_NON_PRIVILEGED | (1 << 1);

  final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  final List<byte[]> rawBinaryFrames = new ArrayList<>();
  private final WebSocket ws;
  private final Inflater inflater = new Inflater();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final StringBuilder text = new StringBuilder();

  private GatewayClient(String url) throws Exception {
    ws =
        HTTP.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(URI.create(url), new Listener())
            .get(5, TimeUnit.SECONDS);
  }

  static GatewayClient connect(DiscordEmulator e, boolean zlib) throws Exception {
    return new GatewayClient(
        e.gatewayUrl() + "?v=10&encoding=json" + (zlib ? "&compress=zlib-stream" : ""));
  }

  static GatewayClient connectRaw(String url) throws Exception {
    return new GatewayClient(url);
  }

  private final class Listener implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        received.add(Json.parse(text.toString()));
        text.setLength(0);
      }
      w.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
      byte[] b = new byte[data.remaining()];
      data.get(b);
      pending.write(b, 0, b.length);
      if (last) {
        byte[] frame = pending.toByteArray();
        pending.reset();
        synchronized (rawBinaryFrames) {
          rawBinaryFrames.add(frame);
        }
        try {
          inflater.setInput(frame);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          byte[] buf = new byte[8192];
          int n;
          while ((n = inflater.inflate(buf)) > 0) {
            out.write(buf, 0, n);
          }
          received.add(Json.parse(out.toString(StandardCharsets.UTF_8)));
        } catch (Exception ex) {
          throw new IllegalStateException(ex);
        }
      }
      w.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket w, Throwable error) {
      closeCode.complete(1006);
    }
  }

  JsonNode next() throws InterruptedException {
    JsonNode n = received.poll(10, TimeUnit.SECONDS);
    assertThat(n).as("a gateway payload within 10 s").isNotNull();
    return n;
  }

  JsonNode nextOp(int op) throws InterruptedException {
    while (true) {
      JsonNode n = next();
      if (n.path("op").asInt() == op) {
        return n;
      }
    }
  }

  /** Next dispatch of the given type (skipping others). */
  JsonNode nextDispatch(String type) throws InterruptedException {
    while (true) {
      JsonNode n = next();
      if (n.path("op").asInt() == 0 && type.equals(n.path("t").asText())) {
        return n;
      }
    }
  }

  void send(JsonNode payload) {
    ws.sendText(Json.string(payload), true).join();
  }

  void sendRaw(String s) {
    ws.sendText(s, true).join();
  }

  void identify(String token, int shard, int shards, int intents) {
    ObjectNode p = Json.obj();
    p.put("op", 2);
    ObjectNode d = p.putObject("d");
    d.put("token", token);
    d.put("intents", intents);
    d.putArray("shard").add(shard).add(shards);
    d.putObject("properties").put("os", "linux").put("browser", "test").put("device", "test");
    send(p);
  }

  void resume(String token, String sessionId, long seq) {
    ObjectNode p = Json.obj();
    p.put("op", 6);
    p.putObject("d").put("token", token).put("session_id", sessionId).put("seq", seq);
    send(p);
  }

  void heartbeat(Long seq) {
    ObjectNode p = Json.obj();
    p.put("op", 1);
    if (seq == null) {
      p.putNull("d");
    } else {
      p.put("d", seq);
    }
    send(p);
  }

  int awaitClose() throws Exception {
    return closeCode.get(10, TimeUnit.SECONDS);
  }

  void close(int code) {
    ws.sendClose(code, "bye").join();
  }

  /** Drops the TCP connection without a close frame. */
  void abort() {
    ws.abort();
  }

  @Override
  public void close() {
    ws.abort();
    inflater.end();
  }
}
