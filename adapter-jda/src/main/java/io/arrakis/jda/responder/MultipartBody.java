package io.arrakis.jda.responder;

import io.arrakis.discord.Attachment;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * A message with files as Discord's upload form (API reference, "Uploading Files"): a {@code
 * payload_json} part with the JSON body, then one {@code files[n]} part per file, where {@code n}
 * is the id the JSON's {@code attachments} entry gives it. The JDK HTTP client has no multipart
 * publisher; the form is small (a few files), so it is built in memory.
 *
 * @param contentType {@code multipart/form-data; boundary=…}, for the request header
 */
record MultipartBody(String contentType, byte[] bytes) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] CRLF = {'\r', '\n'};

  /** The form of {@code json} with {@code files}, file {@code i} as part {@code files[i]}. */
  static MultipartBody of(byte[] json, List<Attachment> files) {
    // A random 128-bit boundary cannot plausibly occur inside a part.
    String boundary = "arrakis-" + HexFormat.of().formatHex(randomBytes());
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 256 + totalSize(files));
    part(out, boundary, "form-data; name=\"payload_json\"", "application/json", json);
    for (int i = 0; i < files.size(); i++) {
      Attachment a = files.get(i);
      part(
          out,
          boundary,
          "form-data; name=\"files[" + i + "]\"; filename=\"" + a.filename() + "\"",
          a.contentType(),
          a.data());
    }
    out.writeBytes(("--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(CRLF);
    return new MultipartBody("multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  private static void part(
      ByteArrayOutputStream out,
      String boundary,
      String disposition,
      String contentType,
      byte[] body) {
    // Attachment filenames are restricted to [A-Za-z0-9_.-], so they need no quoting here.
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: "
            + disposition
            + "\r\nContent-Type: "
            + contentType
            + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    out.writeBytes(CRLF);
  }

  private static int totalSize(List<Attachment> files) {
    return files.stream().mapToInt(a -> a.size() + 160).sum();
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return b;
  }
}
