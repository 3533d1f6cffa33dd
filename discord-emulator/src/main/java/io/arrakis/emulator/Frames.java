package io.arrakis.emulator;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds gateway frames by byte concatenation, so a dispatch costs one array copy of its
 * pre-serialised {@code d} and no JSON work on the hot path.
 */
final class Frames {
  private static final ConcurrentHashMap<String, byte[]> HEADS = new ConcurrentHashMap<>();
  private static final byte[] MID = ",\"op\":0,\"d\":".getBytes(StandardCharsets.US_ASCII);

  private Frames() {}

  /** {@code {"t":"TYPE","s":} for an event name, cached. */
  static byte[] head(String type) {
    return HEADS.computeIfAbsent(
        type, t -> ("{\"t\":\"" + t + "\",\"s\":").getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] dispatch(byte[] head, long seq, byte[] data) {
    byte[] s = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
    byte[] f = new byte[head.length + s.length + MID.length + data.length + 1];
    int p = 0;
    System.arraycopy(head, 0, f, p, head.length);
    p += head.length;
    System.arraycopy(s, 0, f, p, s.length);
    p += s.length;
    System.arraycopy(MID, 0, f, p, MID.length);
    p += MID.length;
    System.arraycopy(data, 0, f, p, data.length);
    p += data.length;
    f[p] = '}';
    return f;
  }

  /** A non-dispatch frame: {@code {"op":N,"d":D,"s":null,"t":null}}. */
  static byte[] op(int op, String dJson) {
    return ("{\"t\":null,\"s\":null,\"op\":" + op + ",\"d\":" + dJson + "}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
