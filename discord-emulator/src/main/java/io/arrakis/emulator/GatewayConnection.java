package io.arrakis.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection to the gateway, on Jetty's core WebSocket API (frames in, frames out, no
 * annotation layer). Reads client payloads and hands them to {@link Gateway}; sends frames either
 * as text or, with {@code compress=zlib-stream}, as binary frames of one shared deflate stream.
 */
final class GatewayConnection implements FrameHandler {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);
  private static final int SEND_LIMIT = 120;
  private static final long SEND_WINDOW_NANOS = 60_000_000_000L;

  private final Gateway gateway;
  private final boolean zlib;
  private final int version;
  private final String encoding;
  private final Object sendLock = new Object();
  private ZlibStream deflater;
  private CoreSession core;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final long[] sendTimes = new long[SEND_LIMIT];
  private int sendCount;
  private volatile long lastHeartbeatNanos = System.nanoTime();
  private volatile GatewaySession session;
  private volatile int clientCloseCode = -1;
  private volatile boolean closing;
  private volatile boolean killSessionOnClose;
  private final java.util.concurrent.atomic.AtomicInteger pending =
      new java.util.concurrent.atomic.AtomicInteger();

  /** One shared callback: Jetty completes each queued frame exactly once, written or failed. */
  private final Callback written =
      new Callback() {
        @Override
        public void succeeded() {
          pending.decrementAndGet();
        }

        @Override
        public void failed(Throwable x) {
          pending.decrementAndGet();
        }

        @Override
        public InvocationType getInvocationType() {
          return InvocationType.NON_BLOCKING;
        }
      };

  GatewayConnection(Gateway gateway, Map<String, List<String>> params) {
    this.gateway = gateway;
    this.zlib = "zlib-stream".equals(first(params, "compress"));
    String v = first(params, "v");
    this.version = v == null ? 10 : parseOr(v, -1);
    String enc = first(params, "encoding");
    this.encoding = enc == null ? "json" : enc;
  }

  private static String first(Map<String, List<String>> params, String key) {
    List<String> l = params == null ? null : params.get(key);
    return l == null || l.isEmpty() ? null : l.get(0);
  }

  private static int parseOr(String s, int dflt) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  @Override
  public void onOpen(CoreSession coreSession, Callback callback) {
    this.core = coreSession;
    if (zlib) {
      deflater = new ZlibStream();
    }
    callback.succeeded();
    if (version != 10 && version != 9) {
      close(4012, "Invalid API version", true);
      return;
    }
    if (!"json".equals(encoding)) {
      close(4002, "Decode error: only encoding=json is emulated", true);
      return;
    }
    gateway.opened(this);
    coreSession.demand();
  }

  @Override
  public void onFrame(Frame frame, Callback callback) {
    try {
      switch (frame.getOpCode()) {
        case OpCode.TEXT, OpCode.BINARY, OpCode.CONTINUATION -> {
          ByteBuffer p = frame.getPayload();
          if (p != null) {
            byte[] b = new byte[p.remaining()];
            p.get(b);
            partial.write(b, 0, b.length);
          }
          if (frame.isFin()) {
            byte[] msg = partial.toByteArray();
            partial.reset();
            received(msg);
          }
        }
        case OpCode.CLOSE -> {
          // Only a close the client started says something about its intent (1000/1001 = done);
          // the echo of a close we started does not.
          if (!closing) {
            clientCloseCode = new CloseStatus(frame.getPayload()).getCode();
          }
        }
        case OpCode.PING -> {
          ByteBuffer p = frame.getPayload();
          core.sendFrame(
              new Frame(OpCode.PONG).setPayload(p == null ? ByteBuffer.allocate(0) : p.slice()),
              Callback.NOOP,
              false);
        }
        default -> {}
      }
      callback.succeeded();
    } catch (RuntimeException e) {
      callback.failed(e);
      return;
    }
    if (frame.getOpCode() != OpCode.CLOSE) {
      core.demand();
    }
  }

  private void received(byte[] msg) {
    if (closing) {
      return;
    }
    long now = System.nanoTime();
    int slot = sendCount % SEND_LIMIT;
    if (sendCount >= SEND_LIMIT && now - sendTimes[slot] < SEND_WINDOW_NANOS) {
      gateway.counters.inc("gateway.send_rate_limited");
      close(4008, "Rate limited.", false);
      return;
    }
    sendTimes[slot] = now;
    sendCount++;
    JsonNode payload;
    try {
      payload = Json.parse(msg);
    } catch (RuntimeException e) {
      close(4002, "Decode error", false);
      return;
    }
    if (!payload.isObject() || !payload.has("op")) {
      close(4002, "Decode error", false);
      return;
    }
    try {
      gateway.received(this, payload.get("op").asInt(-1), payload.get("d"));
    } catch (RuntimeException e) {
      // A payload we could parse but not make sense of (e.g. a malformed snowflake): Discord
      // answers such things with 4000 "unknown error", and so do we.
      LOG.debug("gateway payload failed", e);
      close(4000, "Unknown error.", false);
    }
  }

  /** Sends one JSON payload (already serialised). Thread-safe; keeps call order on the wire. */
  void send(byte[] json) {
    synchronized (sendLock) {
      if (core == null || !core.isOutputOpen()) {
        return;
      }
      Frame f;
      if (zlib) {
        if (deflater == null) {
          return;
        }
        f = new Frame(OpCode.BINARY).setPayload(ByteBuffer.wrap(deflater.compress(json)));
      } else {
        f = new Frame(OpCode.TEXT).setPayload(ByteBuffer.wrap(json));
      }
      pending.incrementAndGet();
      core.sendFrame(f, written, false);
    }
  }

  /** Closes with a gateway close code; {@code killSession} for codes that end the session. */
  void close(int code, String reason, boolean killSession) {
    if (closing) {
      return;
    }
    closing = true;
    killSessionOnClose = killSession;
    gateway.counters.closed(code);
    core.close(code, reason, Callback.NOOP);
  }

  /** Drops the TCP connection without a close frame (the client sees 1006). */
  void abort() {
    closing = true;
    core.abort();
  }

  @Override
  public void onError(Throwable cause, Callback callback) {
    LOG.debug("gateway connection error", cause);
    callback.succeeded();
  }

  @Override
  public void onClosed(CloseStatus closeStatus, Callback callback) {
    synchronized (sendLock) {
      if (deflater != null) {
        deflater.end();
        deflater = null;
      }
    }
    gateway.closed(this, clientCloseCode, killSessionOnClose);
    callback.succeeded();
  }

  /** Frames handed to Jetty but not yet written to the socket: the client's backlog. */
  int backlog() {
    return pending.get();
  }

  void heartbeat() {
    lastHeartbeatNanos = System.nanoTime();
  }

  long lastHeartbeatNanos() {
    return lastHeartbeatNanos;
  }

  GatewaySession session() {
    return session;
  }

  void session(GatewaySession s) {
    session = s;
  }

  boolean compressed() {
    return zlib;
  }
}
