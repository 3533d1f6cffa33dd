package io.arrakis.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A rich embed. Limits are Discord's (title 256, description 4096, 25 fields, field name 256 and
 * value 1024, footer 2048); they are checked here so a bad reply fails in the handler that built
 * it, not as a 400 50035 after the 3-second window was spent.
 *
 * @param color RGB, 0x000000–0xFFFFFF
 * @param thumbnailUrl e.g. a profile picture; {@code attachment://name} shows an uploaded file
 * @param imageUrl the large image under the embed; {@code attachment://name} as above
 */
public record Embed(
    Optional<String> title,
    Optional<String> description,
    Optional<String> url,
    OptionalInt color,
    List<Field> fields,
    Optional<String> footer,
    Optional<String> thumbnailUrl,
    Optional<String> imageUrl) {

  public static final int MAX_FIELDS = 25;

  public Embed {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(color, "color");
    Objects.requireNonNull(footer, "footer");
    Objects.requireNonNull(thumbnailUrl, "thumbnailUrl");
    Objects.requireNonNull(imageUrl, "imageUrl");
    fields = List.copyOf(fields);
    title.ifPresent(t -> Limits.length("embed title", t, 256));
    description.ifPresent(d -> Limits.length("embed description", d, 4096));
    footer.ifPresent(f -> Limits.length("embed footer", f, 2048));
    color.ifPresent(
        c -> {
          if (c < 0 || c > 0xFFFFFF) {
            throw new IllegalArgumentException("embed color must be 0x000000-0xFFFFFF: " + c);
          }
        });
    if (fields.size() > MAX_FIELDS) {
      throw new IllegalArgumentException("an embed has at most 25 fields, got " + fields.size());
    }
  }

  /** An embed without a large image (the shape before images existed). */
  public Embed(
      Optional<String> title,
      Optional<String> description,
      Optional<String> url,
      OptionalInt color,
      List<Field> fields,
      Optional<String> footer,
      Optional<String> thumbnailUrl) {
    this(title, description, url, color, fields, footer, thumbnailUrl, Optional.empty());
  }

  /** One name/value field; {@code inline} fields sit side by side. */
  public record Field(String name, String value, boolean inline) {
    public Field {
      Limits.nonBlank("embed field name", name, 256);
      Limits.nonBlank("embed field value", value, 1024);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Embed}; every part optional. */
  public static final class Builder {
    private String title;
    private String description;
    private String url;
    private Integer color;
    private final List<Field> fields = new ArrayList<>();
    private String footer;
    private String thumbnailUrl;
    private String imageUrl;

    private Builder() {}

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder color(int rgb) {
      this.color = rgb;
      return this;
    }

    public Builder field(String name, String value) {
      return field(name, value, false);
    }

    public Builder field(String name, String value, boolean inline) {
      fields.add(new Field(name, value, inline));
      return this;
    }

    public Builder footer(String footer) {
      this.footer = footer;
      return this;
    }

    public Builder thumbnailUrl(String thumbnailUrl) {
      this.thumbnailUrl = thumbnailUrl;
      return this;
    }

    public Builder imageUrl(String imageUrl) {
      this.imageUrl = imageUrl;
      return this;
    }

    public Embed build() {
      return new Embed(
          Optional.ofNullable(title),
          Optional.ofNullable(description),
          Optional.ofNullable(url),
          color == null ? OptionalInt.empty() : OptionalInt.of(color),
          fields,
          Optional.ofNullable(footer),
          Optional.ofNullable(thumbnailUrl),
          Optional.ofNullable(imageUrl));
    }
  }
}
