package io.arrakis.discord;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A string select menu (component type 3): up to 25 options. */
public record StringSelect(
    String customId,
    List<Option> options,
    Optional<String> placeholder,
    int minValues,
    int maxValues,
    boolean disabled)
    implements RowComponent {

  /** One choice; {@code isDefault} pre-selects it. */
  public record Option(
      String label, String value, Optional<String> description, boolean isDefault) {
    public Option {
      Limits.nonBlank("select option label", label, 100);
      Limits.nonBlank("select option value", value, 100);
      Objects.requireNonNull(description, "description");
      description.ifPresent(d -> Limits.length("select option description", d, 100));
    }

    public static Option of(String label, String value) {
      return new Option(label, value, Optional.empty(), false);
    }
  }

  public StringSelect {
    Limits.customId(customId);
    options = List.copyOf(options);
    Objects.requireNonNull(placeholder, "placeholder");
    if (options.isEmpty() || options.size() > 25) {
      throw new IllegalArgumentException("a select menu has 1-25 options, got " + options.size());
    }
    Selects.checkRange(minValues, maxValues, options.size());
  }

  /** A single-choice menu. */
  public static StringSelect of(String customId, List<Option> options) {
    return new StringSelect(customId, options, Optional.empty(), 1, 1, false);
  }

  public StringSelect withPlaceholder(String placeholder) {
    return new StringSelect(
        customId, options, Optional.of(placeholder), minValues, maxValues, disabled);
  }
}
