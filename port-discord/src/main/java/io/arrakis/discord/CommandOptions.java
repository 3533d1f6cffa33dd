package io.arrakis.discord;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The options a user gave (of the innermost subcommand, when there is one), by name, in Discord's
 * order. Typed getters return empty when the option was not given and throw {@link
 * IllegalArgumentException} when it was given with another type — a mismatch between the handler
 * and the registered command definition, a bug rather than user input.
 */
public record CommandOptions(Map<String, OptionValue> values) {
  public CommandOptions {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static CommandOptions none() {
    return new CommandOptions(Map.of());
  }

  public Optional<OptionValue> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public Optional<String> string(String name) {
    return get(name).map(v -> as(name, v, OptionValue.StringOption.class).value());
  }

  public OptionalLong integer(String name) {
    OptionValue v = values.get(name);
    return v == null
        ? OptionalLong.empty()
        : OptionalLong.of(as(name, v, OptionValue.IntegerOption.class).value());
  }

  public OptionalDouble number(String name) {
    OptionValue v = values.get(name);
    return v == null
        ? OptionalDouble.empty()
        : OptionalDouble.of(as(name, v, OptionValue.NumberOption.class).value());
  }

  public Optional<Boolean> bool(String name) {
    return get(name).map(v -> as(name, v, OptionValue.BooleanOption.class).value());
  }

  public OptionalLong userId(String name) {
    OptionValue v = values.get(name);
    return v == null
        ? OptionalLong.empty()
        : OptionalLong.of(as(name, v, OptionValue.UserOption.class).id());
  }

  public OptionalLong roleId(String name) {
    OptionValue v = values.get(name);
    return v == null
        ? OptionalLong.empty()
        : OptionalLong.of(as(name, v, OptionValue.RoleOption.class).id());
  }

  public OptionalLong channelId(String name) {
    OptionValue v = values.get(name);
    return v == null
        ? OptionalLong.empty()
        : OptionalLong.of(as(name, v, OptionValue.ChannelOption.class).id());
  }

  public OptionalLong mentionableId(String name) {
    OptionValue v = values.get(name);
    return v == null
        ? OptionalLong.empty()
        : OptionalLong.of(as(name, v, OptionValue.MentionableOption.class).id());
  }

  private static <T extends OptionValue> T as(String name, OptionValue v, Class<T> type) {
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException(
          "option '"
              + name
              + "' has type "
              + v.type()
              + " ("
              + v.getClass().getSimpleName()
              + "), not "
              + type.getSimpleName());
    }
    return type.cast(v);
  }
}
