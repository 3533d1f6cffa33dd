package io.arrakis.discord;

import java.util.Objects;
import java.util.Optional;

/**
 * A button. Interactive buttons carry a {@code customId} (≤ 100 characters, §16's {@code
 * prefix[:arg…]}); {@link Style#LINK} buttons carry a {@code url} instead and raise no interaction.
 */
public record Button(
    Style style,
    String label,
    Optional<String> customId,
    Optional<String> url,
    Optional<String> emoji,
    boolean disabled)
    implements RowComponent {

  /** Discord's button styles. */
  public enum Style {
    PRIMARY(1),
    SECONDARY(2),
    SUCCESS(3),
    DANGER(4),
    LINK(5);

    private final int value;

    Style(int value) {
      this.value = value;
    }

    public int value() {
      return value;
    }
  }

  public Button {
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(customId, "customId");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(emoji, "emoji");
    Limits.length("button label", label, 80);
    if (label.isEmpty() && emoji.isEmpty()) {
      throw new IllegalArgumentException("a button needs a label or an emoji");
    }
    if (style == Style.LINK) {
      if (url.isEmpty() || customId.isPresent()) {
        throw new IllegalArgumentException("a link button has a url and no custom_id");
      }
    } else {
      if (customId.isEmpty() || url.isPresent()) {
        throw new IllegalArgumentException("an interactive button has a custom_id and no url");
      }
      Limits.customId(customId.get());
    }
  }

  public static Button of(Style style, String customId, String label) {
    return new Button(
        style, label, Optional.of(customId), Optional.empty(), Optional.empty(), false);
  }

  public static Button primary(String customId, String label) {
    return of(Style.PRIMARY, customId, label);
  }

  public static Button secondary(String customId, String label) {
    return of(Style.SECONDARY, customId, label);
  }

  public static Button danger(String customId, String label) {
    return of(Style.DANGER, customId, label);
  }

  public static Button link(String url, String label) {
    return new Button(
        Style.LINK, label, Optional.empty(), Optional.of(url), Optional.empty(), false);
  }

  public Button asDisabled() {
    return new Button(style, label, customId, url, emoji, true);
  }

  public Button withEmoji(String unicodeEmoji) {
    return new Button(style, label, customId, url, Optional.of(unicodeEmoji), disabled);
  }
}
