package io.arrakis.jda;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Discord's {@code compress=zlib-stream}: one zlib context for the whole connection; a gateway
 * message is complete when the compressed bytes received so far end with {@code 00 00 ff ff}.
 */
final class ZlibStreamDecoder {
  private final Inflater inflater = new Inflater();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final byte[] chunk = new byte[32 * 1024];

  /** The decompressed message once it is complete, else null. */
  byte[] decode(byte[] compressed) throws DataFormatException {
    pending.write(compressed, 0, compressed.length);
    if (!endsWithFlushMarker()) {
      return null;
    }
    inflater.setInput(pending.toByteArray());
    pending.reset();
    ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
    while (!inflater.needsInput()) {
      int n = inflater.inflate(chunk);
      if (n == 0 && (inflater.needsInput() || inflater.needsDictionary() || inflater.finished())) {
        break;
      }
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  private boolean endsWithFlushMarker() {
    byte[] data = pending.toByteArray();
    int n = data.length;
    return n >= 4
        && data[n - 4] == 0
        && data[n - 3] == 0
        && data[n - 2] == (byte) 0xff
        && data[n - 1] == (byte) 0xff;
  }

  void close() {
    inflater.end();
  }
}
