package io.arrakis.emulator;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * Discord's {@code compress=zlib-stream}: one zlib context for the whole connection, each message
 * compressed with SYNC_FLUSH so that it ends with the {@code 00 00 ff ff} marker clients look for.
 * Not thread-safe: the owning connection serialises calls.
 */
final class ZlibStream {
  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
  private final byte[] chunk = new byte[16 * 1024];
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);

  byte[] compress(byte[] message) {
    out.reset();
    deflater.setInput(message);
    int n;
    do {
      n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
      out.write(chunk, 0, n);
    } while (n == chunk.length);
    return out.toByteArray();
  }

  void end() {
    deflater.end();
  }
}
