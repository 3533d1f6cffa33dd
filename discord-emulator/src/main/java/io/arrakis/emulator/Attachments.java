package io.arrakis.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.emulator.Http.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Files the bot uploaded with interaction messages: resolves a message's {@code attachments} the
 * way Discord does (new files by their {@code files[n]} id, kept files by their attachment id),
 * refuses what Discord refuses, and keeps the bytes so tests can fetch them by URL. The newest
 * files up to {@value #MAX_KEPT_BYTES} bytes are kept; older ones are forgotten.
 */
final class Attachments {
  /** Discord's default per-file upload limit (interactions report it as attachment_size_limit). */
  static final int MAX_FILE_BYTES = 10_485_760;

  static final int MAX_PER_MESSAGE = 10;
  static final String CDN = "https://cdn.emulator.local/attachments/";
  private static final long MAX_KEPT_BYTES = 256L << 20;

  /** One stored file. */
  record Stored(long id, String filename, String contentType, byte[] data) {}

  /** A request Discord would refuse: the reply to send instead. */
  static final class Refused extends RuntimeException {
    final transient Reply reply;
    final int code;

    Refused(Reply reply, int code) {
      super(null, null, false, false);
      this.reply = reply;
      this.code = code;
    }
  }

  private final Snowflakes ids;
  private final Counters counters;
  private final LinkedHashMap<Long, Stored> kept = new LinkedHashMap<>();
  private long keptBytes;

  Attachments(Snowflakes ids, Counters counters) {
    this.ids = ids;
    this.counters = counters;
  }

  /**
   * The {@code attachments} of a new or edited message in channel {@code channelId}.
   *
   * @param data the message JSON sent (payload_json, or a callback's {@code data})
   * @param existing the message's current attachments; {@code null} for a new message
   * @return the attachments the message has now; {@code null} when an edit leaves them unchanged
   * @throws Refused 400 50035 for an unknown or unreferenced id or too many files, 413 40005 for a
   *     file over the size limit
   */
  ArrayNode resolve(UploadForm form, JsonNode data, ArrayNode existing, long channelId) {
    Map<Integer, UploadForm.Upload> files = form.files();
    if (files.size() > MAX_PER_MESSAGE) {
      throw refuse("files", "Must be " + MAX_PER_MESSAGE + " or fewer in length.");
    }
    for (UploadForm.Upload u : files.values()) {
      if (u.data().length > MAX_FILE_BYTES) {
        counters.inc("rest.attachment_too_large");
        throw new Refused(Reply.error(413, 40005, "Request entity too large"), 40005);
      }
    }
    JsonNode listed = data.get("attachments");
    if (listed == null || listed.isNull()) {
      if (files.isEmpty()) {
        return existing == null ? Json.arr() : null;
      }
      // No list: every file is added (to what an edited message had).
      ArrayNode out = existing == null ? Json.arr() : existing.deepCopy();
      for (UploadForm.Upload u : files.values()) {
        out.add(store(u, u.filename(), null, channelId));
      }
      return checkedCount(out);
    }
    if (!listed.isArray()) {
      throw refuse("attachments", "Must be an array.");
    }
    Map<String, JsonNode> current = new HashMap<>();
    if (existing != null) {
      existing.forEach(a -> current.put(a.path("id").asText(), a));
    }
    ArrayNode out = Json.arr();
    Set<Integer> used = new HashSet<>();
    for (int i = 0; i < listed.size(); i++) {
      JsonNode entry = listed.get(i);
      String id = entry.path("id").asText("");
      JsonNode kept = current.get(id);
      if (kept != null) {
        out.add(kept.deepCopy());
        continue;
      }
      UploadForm.Upload u = null;
      if (id.matches("\\d{1,3}")) {
        u = files.get(Integer.parseInt(id));
      }
      if (u == null) {
        throw refuse("attachments." + i + ".id", "Unknown attachment id " + id + ".");
      }
      if (!used.add(u.index())) {
        throw refuse("attachments." + i + ".id", "files[" + id + "] is referenced twice.");
      }
      String filename = entry.path("filename").asText(u.filename());
      String description =
          entry.hasNonNull("description") ? entry.get("description").asText() : null;
      out.add(store(u, filename, description, channelId));
    }
    for (UploadForm.Upload u : files.values()) {
      if (!used.contains(u.index())) {
        throw refuse(
            "files[" + u.index() + "]",
            "files[" + u.index() + "] is not referenced by any attachments entry.");
      }
    }
    return checkedCount(out);
  }

  private static ArrayNode checkedCount(ArrayNode out) {
    if (out.size() > MAX_PER_MESSAGE) {
      throw refuse("attachments", "Must be " + MAX_PER_MESSAGE + " or fewer in length.");
    }
    return out;
  }

  private static Refused refuse(String field, String message) {
    return new Refused(Interactions.invalidForm(field, message), 50035);
  }

  private ObjectNode store(
      UploadForm.Upload u, String filename, String description, long channelId) {
    long id = ids.next();
    byte[] data = u.data();
    synchronized (kept) {
      kept.put(id, new Stored(id, filename, u.contentType(), data));
      keptBytes += data.length;
      Iterator<Stored> oldest = kept.values().iterator();
      while (keptBytes > MAX_KEPT_BYTES && oldest.hasNext()) {
        keptBytes -= oldest.next().data().length;
        oldest.remove();
      }
    }
    counters.inc("rest.attachments_uploaded");
    String url =
        CDN + Long.toUnsignedString(channelId) + "/" + Long.toUnsignedString(id) + "/" + filename;
    ObjectNode a = Json.obj();
    a.put("id", Json.id(id));
    a.put("filename", filename);
    if (description != null) {
      a.put("description", description);
    }
    a.put("content_type", u.contentType());
    a.put("size", data.length);
    a.put("url", url);
    a.put("proxy_url", url.replace("https://cdn.", "https://media."));
    if (u.contentType().startsWith("image/")) {
      dimensions(data)
          .ifPresent(
              wh -> {
                a.put("width", wh[0]);
                a.put("height", wh[1]);
              });
    }
    return a;
  }

  /** Width and height as Discord reports them for images, when the JDK can read the format. */
  private static Optional<int[]> dimensions(byte[] data) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (in == null || !readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        return Optional.of(new int[] {reader.getWidth(0), reader.getHeight(0)});
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Points a message's embed thumbnails and images given as {@code attachment://filename} at the
   * uploaded file, as Discord does when it stores the message.
   */
  static void linkEmbeds(ObjectNode message) {
    JsonNode embeds = message.get("embeds");
    if (embeds == null || !embeds.isArray() || embeds.isEmpty()) {
      return;
    }
    // The embeds may be the request's own nodes (kept as the conversation's record): copy first.
    message.set("embeds", embeds.deepCopy());
    Map<String, JsonNode> byName = new HashMap<>();
    message.path("attachments").forEach(a -> byName.put(a.path("filename").asText(), a));
    for (JsonNode embed : message.path("embeds")) {
      for (String slot : new String[] {"thumbnail", "image"}) {
        JsonNode media = embed.get(slot);
        if (media == null || !media.isObject()) {
          continue;
        }
        String url = media.path("url").asText("");
        JsonNode a =
            url.startsWith("attachment://")
                ? byName.get(url.substring("attachment://".length()))
                : null;
        if (a != null) {
          ObjectNode m = (ObjectNode) media;
          m.put("url", a.path("url").asText());
          m.put("proxy_url", a.path("proxy_url").asText());
          if (a.has("width")) {
            m.put("width", a.get("width").asInt());
            m.put("height", a.get("height").asInt());
          }
        }
      }
    }
  }

  /** A stored file by its attachment id. */
  Optional<Stored> get(long id) {
    synchronized (kept) {
      return Optional.ofNullable(kept.get(id));
    }
  }

  /** A stored file by its {@code url} (or {@code proxy_url}). */
  Optional<Stored> byUrl(String url) {
    String[] parts = url.split("/");
    if (parts.length < 3) {
      return Optional.empty();
    }
    try {
      return get(Long.parseUnsignedLong(parts[parts.length - 2]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
