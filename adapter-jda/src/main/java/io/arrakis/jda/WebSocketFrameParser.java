package io.arrakis.jda;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Reads WebSocket frames (RFC 6455) from the raw bytes of one direction of a connection, fed in
 * whatever chunks the socket delivers. Skips the HTTP upgrade at the start, reassembles fragmented
 * messages, unmasks client frames, and hands every complete data message to the listener.
 */
final class WebSocketFrameParser {
  static final int TEXT = 1;
  static final int BINARY = 2;
  private static final int CLOSE = 8;
  private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};

  /** Gateway payloads are far smaller; a bigger length means the stream is not what we think. */
  private static final long MAX_MESSAGE = 64L * 1024 * 1024;

  interface Listener {
    void onMessage(int opcode, byte[] payload);
  }

  private final Listener listener;
  private byte[] buf = new byte[16 * 1024];
  private int start;
  private int end;
  private boolean inHttpHeaders = true;
  private int messageOpcode;
  private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
  private boolean closed;

  WebSocketFrameParser(Listener listener) {
    this.listener = listener;
  }

  void feed(byte[] bytes, int offset, int length) {
    if (closed || length <= 0) {
      return;
    }
    append(bytes, offset, length);
    if (inHttpHeaders && !skipHttpHeaders()) {
      return;
    }
    while (parseFrame()) {
      // one complete frame consumed per iteration
    }
    compact();
  }

  private void append(byte[] bytes, int offset, int length) {
    if (end + length > buf.length) {
      compact();
      if (end + length > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + length));
      }
    }
    System.arraycopy(bytes, offset, buf, end, length);
    end += length;
  }

  private boolean skipHttpHeaders() {
    for (int i = start; i + END_OF_HEADERS.length <= end; i++) {
      if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
        start = i + END_OF_HEADERS.length;
        inHttpHeaders = false;
        return true;
      }
    }
    return false;
  }

  private boolean parseFrame() {
    int available = end - start;
    if (available < 2) {
      return false;
    }
    int b0 = buf[start] & 0xff;
    int b1 = buf[start + 1] & 0xff;
    boolean fin = (b0 & 0x80) != 0;
    int opcode = b0 & 0x0f;
    boolean masked = (b1 & 0x80) != 0;
    long length = b1 & 0x7f;
    int header = 2;
    if (length == 126) {
      if (available < 4) {
        return false;
      }
      length = ((buf[start + 2] & 0xff) << 8) | (buf[start + 3] & 0xff);
      header = 4;
    } else if (length == 127) {
      if (available < 10) {
        return false;
      }
      length = 0;
      for (int i = 0; i < 8; i++) {
        length = (length << 8) | (buf[start + 2 + i] & 0xff);
      }
      header = 10;
    }
    if (length < 0 || length > MAX_MESSAGE) {
      throw new IllegalStateException(
          "WebSocket frame of " + length + " bytes: stream out of sync");
    }
    int maskAt = header;
    if (masked) {
      header += 4;
    }
    if (available < header + length) {
      return false;
    }
    byte[] payload = Arrays.copyOfRange(buf, start + header, start + header + (int) length);
    if (masked) {
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= buf[start + maskAt + (i & 3)];
      }
    }
    start += header + (int) length;
    onFrame(fin, opcode, payload);
    return !closed;
  }

  private void onFrame(boolean fin, int opcode, byte[] payload) {
    if (opcode >= CLOSE) {
      if (opcode == CLOSE) {
        closed = true;
      }
      return; // ping and pong carry nothing for us
    }
    if (opcode != 0) {
      messageOpcode = opcode;
      fragments.reset();
    }
    if (fin && fragments.size() == 0) {
      listener.onMessage(messageOpcode, payload);
      return;
    }
    fragments.write(payload, 0, payload.length);
    if (fin) {
      listener.onMessage(messageOpcode, fragments.toByteArray());
      fragments.reset();
    }
  }

  private void compact() {
    if (start == end) {
      start = 0;
      end = 0;
    } else if (start > buf.length / 2) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
  }
}
