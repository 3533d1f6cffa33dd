package io.arrakis.jda;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/** Builds the bytes a gateway connection carries, as a server or a client would write them. */
final class FrameBytes {
  private final Deflater deflater = new Deflater();

  static byte[] httpUpgrade() {
    return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: x\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] frame(boolean fin, int opcode, byte[] payload, boolean masked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((fin ? 0x80 : 0) | opcode);
    int maskBit = masked ? 0x80 : 0;
    if (payload.length < 126) {
      out.write(maskBit | payload.length);
    } else if (payload.length < 65_536) {
      out.write(maskBit | 126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xff);
    } else {
      out.write(maskBit | 127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) ((long) payload.length >> (8 * i)) & 0xff);
      }
    }
    byte[] body = payload.clone();
    if (masked) {
      byte[] mask = {0x12, 0x34, 0x56, 0x78};
      out.write(mask, 0, 4);
      for (int i = 0; i < body.length; i++) {
        body[i] ^= mask[i & 3];
      }
    }
    out.write(body, 0, body.length);
    return out.toByteArray();
  }

  static byte[] text(String json) {
    return frame(true, 1, json.getBytes(StandardCharsets.UTF_8), false);
  }

  static byte[] clientText(String json) {
    return frame(true, 1, json.getBytes(StandardCharsets.UTF_8), true);
  }

  /** One zlib-stream message (shared context, sync flush) in one binary frame. */
  byte[] zlib(String json) {
    return frame(true, 2, compress(json), false);
  }

  byte[] compress(String json) {
    deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
    byte[] buf = new byte[json.length() + 1024];
    int n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
    return java.util.Arrays.copyOf(buf, n);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    return out.toByteArray();
  }
}
