package io.arrakis.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;

/**
 * A {@code multipart/form-data} request body as Discord reads it ("Uploading Files"): the JSON in
 * the {@code payload_json} part and one file per {@code files[n]} part, {@code n} being the id that
 * the JSON's {@code attachments} entries refer to. Parsed with Jetty's multipart parser, in memory
 * (the body is already read).
 */
record UploadForm(JsonNode payload, Map<Integer, Upload> files) {
  private static final Pattern FILE_PART = Pattern.compile("files\\[(\\d{1,3})]");

  /** One uploaded file. */
  record Upload(int index, String filename, String contentType, byte[] data) {}

  /** Thrown for a form Discord would refuse; carries the field path for the 50035 body. */
  static final class BadForm extends IllegalArgumentException {
    final String field;

    BadForm(String field, String message) {
      super(message);
      this.field = field;
    }
  }

  static boolean isMultipart(String contentType) {
    return contentType != null && contentType.toLowerCase().startsWith("multipart/form-data");
  }

  static UploadForm parse(byte[] body, String contentType) {
    String boundary = MultiPart.extractBoundary(contentType);
    if (boundary == null || boundary.isEmpty()) {
      throw new BadForm("_", "multipart/form-data without a boundary");
    }
    MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
    parser.setMaxMemoryFileSize(Long.MAX_VALUE); // keep files in memory, never on disk
    parser.setMaxParts(64);
    MultiPartFormData.Parts parts;
    try {
      parts = parser.parse(Content.Source.from(ByteBuffer.wrap(body))).get();
    } catch (ExecutionException e) {
      throw new BadForm("_", "malformed multipart/form-data: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadForm("_", "interrupted");
    }
    try (parts) {
      JsonNode payload = null;
      Map<Integer, Upload> files = new TreeMap<>();
      for (MultiPart.Part part : parts) {
        String name = part.getName() == null ? "" : part.getName();
        if (name.equals("payload_json")) {
          payload = Json.parse(bytes(part));
          continue;
        }
        Matcher m = FILE_PART.matcher(name);
        if (!m.matches()) {
          throw new BadForm(name, "Unknown form field " + name);
        }
        int index = Integer.parseInt(m.group(1));
        String type = part.getHeaders().get("Content-Type");
        String filename = part.getFileName() == null ? "file-" + index : part.getFileName();
        files.put(
            index,
            new Upload(
                index,
                filename,
                type == null ? "application/octet-stream" : type.split(";")[0].trim(),
                bytes(part)));
      }
      if (payload == null) {
        payload = Json.obj();
      }
      return new UploadForm(payload, Collections.unmodifiableMap(files));
    }
  }

  private static byte[] bytes(MultiPart.Part part) {
    try {
      ByteBuffer b = Content.Source.asByteBuffer(part.getContentSource());
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    } catch (IOException e) {
      throw new BadForm(part.getName(), "unreadable part: " + e.getMessage());
    }
  }
}
