package io.arrakis.discord;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** A popup form (response type 9): a title and 1–5 text inputs. */
public record Modal(String customId, String title, List<TextInput> inputs) {

  public Modal {
    Limits.customId(customId);
    Limits.nonBlank("modal title", title, 45);
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty() || inputs.size() > 5) {
      throw new IllegalArgumentException("a modal has 1-5 text inputs, got " + inputs.size());
    }
  }

  public static Modal of(String customId, String title, TextInput... inputs) {
    return new Modal(customId, title, List.of(inputs));
  }

  /**
   * One text field; its {@code customId} is the key of the value in the modal submit (e.g. {@code
   * wallet_address}).
   */
  public record TextInput(
      String customId,
      String label,
      Style style,
      boolean required,
      OptionalInt minLength,
      OptionalInt maxLength,
      Optional<String> placeholder,
      Optional<String> value) {

    /** Single line or paragraph. */
    public enum Style {
      SHORT(1),
      PARAGRAPH(2);

      private final int value;

      Style(int value) {
        this.value = value;
      }

      public int value() {
        return value;
      }
    }

    public TextInput {
      Limits.customId(customId);
      Limits.nonBlank("text input label", label, 45);
      Objects.requireNonNull(style, "style");
      Objects.requireNonNull(minLength, "minLength");
      Objects.requireNonNull(maxLength, "maxLength");
      Objects.requireNonNull(placeholder, "placeholder");
      Objects.requireNonNull(value, "value");
      placeholder.ifPresent(p -> Limits.length("text input placeholder", p, 100));
      value.ifPresent(v -> Limits.length("text input value", v, 4000));
      int min = minLength.orElse(0);
      int max = maxLength.orElse(4000);
      if (min < 0 || min > 4000 || max < 1 || max > 4000 || min > max) {
        throw new IllegalArgumentException("text input length bounds out of range");
      }
    }

    public static TextInput shortText(String customId, String label) {
      return new TextInput(
          customId,
          label,
          Style.SHORT,
          true,
          OptionalInt.empty(),
          OptionalInt.empty(),
          Optional.empty(),
          Optional.empty());
    }

    public static TextInput paragraph(String customId, String label) {
      return new TextInput(
          customId,
          label,
          Style.PARAGRAPH,
          true,
          OptionalInt.empty(),
          OptionalInt.empty(),
          Optional.empty(),
          Optional.empty());
    }

    public TextInput optional() {
      return new TextInput(customId, label, style, false, minLength, maxLength, placeholder, value);
    }

    public TextInput length(int min, int max) {
      return new TextInput(
          customId,
          label,
          style,
          required,
          OptionalInt.of(min),
          OptionalInt.of(max),
          placeholder,
          value);
    }

    public TextInput withPlaceholder(String text) {
      return new TextInput(
          customId, label, style, required, minLength, maxLength, Optional.of(text), value);
    }

    public TextInput prefilled(String text) {
      return new TextInput(
          customId, label, style, required, minLength, maxLength, placeholder, Optional.of(text));
    }
  }
}
