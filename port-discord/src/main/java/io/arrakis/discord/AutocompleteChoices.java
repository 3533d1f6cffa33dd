package io.arrakis.discord;

import java.util.List;
import java.util.Objects;

/**
 * The answer to an autocomplete interaction (response type 8): at most 25 choices. §16:
 * autocomplete never errors, so {@link #firstOf} truncates rather than throws.
 */
public record AutocompleteChoices(List<Choice> choices) {
  public static final int MAX = 25;

  public AutocompleteChoices {
    choices = List.copyOf(choices);
    if (choices.size() > MAX) {
      throw new IllegalArgumentException("at most 25 choices, got " + choices.size());
    }
  }

  public static AutocompleteChoices none() {
    return new AutocompleteChoices(List.of());
  }

  /** The first 25 of {@code choices}. */
  public static AutocompleteChoices firstOf(List<Choice> choices) {
    return new AutocompleteChoices(choices.size() > MAX ? choices.subList(0, MAX) : choices);
  }

  /** One suggestion: what the user sees and the option value it stands for. */
  public record Choice(String name, Value value) {
    public Choice {
      Limits.nonBlank("choice name", name, 100);
      Objects.requireNonNull(value, "value");
    }

    public static Choice of(String name, String value) {
      return new Choice(name, new TextValue(value));
    }

    public static Choice of(String name, long value) {
      return new Choice(name, new IntegerValue(value));
    }

    public static Choice of(String name, double value) {
      return new Choice(name, new NumberValue(value));
    }
  }

  /** A choice's value, typed like the option it completes. */
  public sealed interface Value permits TextValue, IntegerValue, NumberValue {}

  /** For STRING options (≤ 100 characters). */
  public record TextValue(String value) implements Value {
    public TextValue {
      Limits.length("choice value", value, 100);
    }
  }

  /** For INTEGER options. */
  public record IntegerValue(long value) implements Value {}

  /** For NUMBER options. */
  public record NumberValue(double value) implements Value {
    public NumberValue {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("choice value must be finite");
      }
    }
  }
}
