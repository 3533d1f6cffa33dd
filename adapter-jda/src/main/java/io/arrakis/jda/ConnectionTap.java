package io.arrakis.jda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arrakis.discord.GatewayDispatch;
import io.arrakis.discord.GatewaySink;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.time.Instant;
import java.util.zip.DataFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one gateway connection's bytes in both directions, below JDA: what the client sends
 * (IDENTIFY or RESUME) tells which shard and session this is; every dispatch the server sends goes
 * to the sink before JDA parses it, so nothing JDA does with a frame can lose it.
 */
final class ConnectionTap {
  private static final Logger log = LoggerFactory.getLogger(ConnectionTap.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GatewaySink sink;
  private final SessionRegistry sessions;
  private final Counter tapErrors;
  private final WebSocketFrameParser inbound = new WebSocketFrameParser(this::onServerMessage);
  private final WebSocketFrameParser outbound = new WebSocketFrameParser(this::onClientMessage);
  private final ZlibStreamDecoder zlib = new ZlibStreamDecoder();
  private volatile int shardId = -1;
  private volatile String sessionId;
  private long readAtMicros;

  ConnectionTap(GatewaySink sink, SessionRegistry sessions, Counter tapErrors) {
    this.sink = sink;
    this.sessions = sessions;
    this.tapErrors = tapErrors;
  }

  /** Bytes the server sent, as the socket returned them. Never throws into JDA's reader. */
  void fromServer(byte[] bytes, int offset, int length) {
    readAtMicros = nowMicros();
    try {
      inbound.feed(bytes, offset, length);
    } catch (RuntimeException ex) {
      tapErrors.increment();
      log.error("gateway tap failed on shard {}: {}", shardId, ex.toString(), ex);
    }
  }

  /** Bytes the client wrote. */
  void fromClient(byte[] bytes, int offset, int length) {
    try {
      outbound.feed(bytes, offset, length);
    } catch (RuntimeException ex) {
      tapErrors.increment();
      log.error("gateway tap failed reading the client side: {}", ex.toString(), ex);
    }
  }

  void close() {
    zlib.close();
  }

  private void onServerMessage(int opcode, byte[] payload) {
    byte[] json;
    try {
      json = opcode == WebSocketFrameParser.BINARY ? zlib.decode(payload) : payload;
    } catch (DataFormatException ex) {
      tapErrors.increment();
      log.error("shard {}: cannot inflate a gateway message: {}", shardId, ex.getMessage());
      return;
    }
    if (json == null) {
      return; // a compressed message continues in the next frame
    }
    GatewayFrame frame;
    try {
      frame = GatewayFrame.read(json);
    } catch (IOException ex) {
      tapErrors.increment();
      log.error("shard {}: unreadable gateway payload: {}", shardId, ex.getMessage());
      return;
    }
    if (frame.op() == GatewayFrame.DISPATCH) {
      onDispatch(frame);
    } else if (frame.op() == GatewayFrame.INVALID_SESSION && !"true".equals(frame.scalar())) {
      if (shardId >= 0) {
        sink.onSessionInvalidated(shardId);
      }
    }
  }

  private void onDispatch(GatewayFrame frame) {
    if ("READY".equals(frame.type())) {
      onReady(frame);
    }
    if (shardId < 0 || sessionId == null || frame.type() == null) {
      tapErrors.increment();
      log.error(
          "dispatch {} #{} on a connection whose shard or session is unknown; not published",
          frame.type(),
          frame.sequence());
      return;
    }
    sink.onDispatch(
        new GatewayDispatch(
            shardId, sessionId, frame.sequence(), frame.type(), frame.data(), readAtMicros));
  }

  private void onReady(GatewayFrame frame) {
    try {
      JsonNode d = JSON.readTree(frame.data());
      String session = d.path("session_id").asText(null);
      String resumeUrl = d.path("resume_gateway_url").asText("");
      JsonNode shard = d.path("shard");
      if (shard.isArray() && shard.size() == 2) {
        shardId = shard.get(0).asInt();
      }
      if (session != null && shardId >= 0) {
        sessionId = session;
        sessions.remember(session, shardId);
        sink.onSessionStarted(shardId, session, resumeUrl);
      }
    } catch (IOException ex) {
      tapErrors.increment();
      log.error("unreadable READY: {}", ex.getMessage());
    }
  }

  private void onClientMessage(int opcode, byte[] payload) {
    if (opcode != WebSocketFrameParser.TEXT) {
      return;
    }
    try {
      JsonNode message = JSON.readTree(payload);
      int op = message.path("op").asInt(-1);
      JsonNode d = message.path("d");
      if (op == GatewayFrame.IDENTIFY && d.path("shard").isArray()) {
        shardId = d.path("shard").get(0).asInt();
        sessionId = null; // a new session starts with READY
      } else if (op == GatewayFrame.RESUME) {
        String session = d.path("session_id").asText(null);
        sessionId = session;
        sessions.shardOf(session).ifPresent(shard -> shardId = shard);
      }
    } catch (IOException ex) {
      log.debug("client frame is not JSON: {}", ex.getMessage());
    }
  }

  private static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }
}
