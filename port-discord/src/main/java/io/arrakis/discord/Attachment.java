package io.arrakis.discord;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file uploaded with a message (an interaction reply, an update, an edit or a followup). Embeds
 * show it by {@link #reference()} ({@code attachment://filename}). Checked against Discord's rules
 * when built: the filename is what {@code attachment://} URLs can name (ASCII letters, digits,
 * {@code _ - .}), at most {@value #MAX_BYTES} bytes (the default upload limit of 10 MiB), a
 * description (alt text) of at most 1,024 characters.
 *
 * <p>Immutable: the bytes are copied in and out.
 *
 * @param contentType a MIME type such as {@code image/png}
 * @param description alt text shown to screen readers, if any
 */
public record Attachment(
    String filename, String contentType, byte[] data, Optional<String> description) {

  /** Discord's per-file upload limit without boosts (interactions report it as 10,485,760). */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  private static final Pattern FILENAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
  private static final Pattern MIME = Pattern.compile("[\\w.+-]+/[\\w.+-]+");

  public Attachment {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(description, "description");
    if (!FILENAME.matcher(filename).matches() || filename.startsWith(".")) {
      throw new IllegalArgumentException(
          "attachment filename must be 1-100 ASCII letters, digits, '_', '-' or '.' (not starting"
              + " with '.') so that attachment:// can name it: "
              + filename);
    }
    if (!MIME.matcher(contentType).matches()) {
      throw new IllegalArgumentException(
          "attachment content type is not a MIME type: " + contentType);
    }
    if (data.length == 0) {
      throw new IllegalArgumentException("attachment " + filename + " is empty");
    }
    if (data.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "attachment "
              + filename
              + " is "
              + data.length
              + " bytes; Discord accepts at most "
              + MAX_BYTES
              + " per file");
    }
    description.ifPresent(d -> Limits.length("attachment description", d, 1024));
    data = data.clone();
  }

  /** A file without alt text. */
  public static Attachment of(String filename, String contentType, byte[] data) {
    return new Attachment(filename, contentType, data, Optional.empty());
  }

  /** A PNG image with alt text. */
  public static Attachment png(String filename, byte[] data, String description) {
    return new Attachment(filename, "image/png", data, Optional.of(description));
  }

  /** A copy of the bytes. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  public int size() {
    return data.length;
  }

  /** The URL an embed uses to show this file: {@code attachment://filename}. */
  public String reference() {
    return "attachment://" + filename;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attachment a
        && filename.equals(a.filename)
        && contentType.equals(a.contentType)
        && Arrays.equals(data, a.data)
        && description.equals(a.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(filename, contentType, Arrays.hashCode(data), description);
  }

  /** Never the bytes: a size and a short prefix are enough to tell files apart in logs. */
  @Override
  public String toString() {
    return "Attachment["
        + filename
        + ", "
        + contentType
        + ", "
        + data.length
        + " bytes, "
        + HexFormat.of().formatHex(data, 0, Math.min(4, data.length))
        + "…]";
  }
}
