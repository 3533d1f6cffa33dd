package io.arrakis.discord.command;

import io.arrakis.discord.AutocompleteChoices.Choice;
import io.arrakis.discord.AutocompleteChoices.IntegerValue;
import io.arrakis.discord.AutocompleteChoices.NumberValue;
import io.arrakis.discord.AutocompleteChoices.TextValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One option of a slash command: a subcommand, a subcommand group, or a typed value option.
 * Validated against Discord's rules when built, so a definition Discord would refuse with a 400
 * fails at class-loading time of the catalogue instead of at deploy time.
 *
 * @param choices fixed choices (STRING, INTEGER, NUMBER only; at most 25; value typed like the
 *     option); a {@link Choice} is the same object Discord uses for autocomplete answers
 * @param autocomplete the bot suggests values (STRING, INTEGER, NUMBER; not with choices)
 * @param minValue lower bound (INTEGER, NUMBER)
 * @param maxValue upper bound (INTEGER, NUMBER)
 * @param minLength minimum length 0–6000 (STRING)
 * @param maxLength maximum length 1–6000 (STRING)
 * @param channelTypes allowed channel types (CHANNEL); empty = all
 * @param options the nested options of a subcommand (value options) or group (subcommands)
 */
public record CommandOption(
    OptionType type,
    String name,
    String description,
    boolean required,
    List<Choice> choices,
    boolean autocomplete,
    OptionalDouble minValue,
    OptionalDouble maxValue,
    OptionalInt minLength,
    OptionalInt maxLength,
    List<Integer> channelTypes,
    List<CommandOption> options) {

  private static final double MAX_SAFE_INTEGER = 9_007_199_254_740_991d;

  public CommandOption {
    Objects.requireNonNull(type, "type");
    CommandRules.name("option", name);
    CommandRules.description("option '" + name + "'", description);
    choices = List.copyOf(choices);
    Objects.requireNonNull(minValue, "minValue");
    Objects.requireNonNull(maxValue, "maxValue");
    Objects.requireNonNull(minLength, "minLength");
    Objects.requireNonNull(maxLength, "maxLength");
    channelTypes = List.copyOf(channelTypes);
    options = List.copyOf(options);
    String where = "option '" + name + "'";

    if (type.isSubcommandOrGroup()) {
      if (required
          || autocomplete
          || !choices.isEmpty()
          || minValue.isPresent()
          || maxValue.isPresent()
          || minLength.isPresent()
          || maxLength.isPresent()
          || !channelTypes.isEmpty()) {
        throw new IllegalArgumentException(
            where + ": a " + type + " takes no required flag, choices, bounds or channel types");
      }
      for (CommandOption o : options) {
        boolean ok =
            type == OptionType.SUB_COMMAND_GROUP
                ? o.type() == OptionType.SUB_COMMAND
                : !o.type().isSubcommandOrGroup();
        if (!ok) {
          throw new IllegalArgumentException(
              where + ": a " + type + " cannot contain a " + o.type() + " ('" + o.name() + "')");
        }
      }
      if (type == OptionType.SUB_COMMAND_GROUP && options.isEmpty()) {
        throw new IllegalArgumentException(where + ": a group needs at least one subcommand");
      }
      CommandRules.options(where, options);
    } else {
      checkValueOption(
          where,
          type,
          choices,
          autocomplete,
          minValue,
          maxValue,
          minLength,
          maxLength,
          channelTypes,
          options);
    }
  }

  private static void checkValueOption(
      String where,
      OptionType type,
      List<Choice> choices,
      boolean autocomplete,
      OptionalDouble minValue,
      OptionalDouble maxValue,
      OptionalInt minLength,
      OptionalInt maxLength,
      List<Integer> channelTypes,
      List<CommandOption> options) {
    if (!options.isEmpty()) {
      throw new IllegalArgumentException(where + ": only subcommands and groups nest options");
    }
    if ((!choices.isEmpty() || autocomplete) && !type.allowsChoices()) {
      throw new IllegalArgumentException(
          where + ": choices and autocomplete need a STRING, INTEGER or NUMBER option");
    }
    if (autocomplete && !choices.isEmpty()) {
      throw new IllegalArgumentException(where + ": autocomplete and choices exclude each other");
    }
    if (choices.size() > CommandRules.MAX_CHOICES) {
      throw new IllegalArgumentException(
          where + " has " + choices.size() + " choices, at most " + CommandRules.MAX_CHOICES);
    }
    for (Choice c : choices) {
      boolean ok =
          switch (type) {
            case STRING -> c.value() instanceof TextValue;
            case INTEGER -> c.value() instanceof IntegerValue;
            default -> c.value() instanceof NumberValue || c.value() instanceof IntegerValue;
          };
      if (!ok) {
        throw new IllegalArgumentException(
            where + ": choice '" + c.name() + "' has a value of the wrong type for " + type);
      }
    }
    if (choices.stream().map(Choice::name).distinct().count() != choices.size()) {
      throw new IllegalArgumentException(where + ": choice names must be unique");
    }
    boolean numeric = type == OptionType.INTEGER || type == OptionType.NUMBER;
    if ((minValue.isPresent() || maxValue.isPresent()) && !numeric) {
      throw new IllegalArgumentException(where + ": min/max value need an INTEGER or NUMBER");
    }
    for (OptionalDouble bound : List.of(minValue, maxValue)) {
      if (bound.isPresent()) {
        double v = bound.getAsDouble();
        if (!Double.isFinite(v) || Math.abs(v) > MAX_SAFE_INTEGER) {
          throw new IllegalArgumentException(where + ": bound out of range: " + v);
        }
        if (type == OptionType.INTEGER && v != Math.rint(v)) {
          throw new IllegalArgumentException(where + ": INTEGER bounds must be whole: " + v);
        }
      }
    }
    if (minValue.isPresent()
        && maxValue.isPresent()
        && minValue.getAsDouble() > maxValue.getAsDouble()) {
      throw new IllegalArgumentException(where + ": min value above max value");
    }
    if ((minLength.isPresent() || maxLength.isPresent()) && type != OptionType.STRING) {
      throw new IllegalArgumentException(where + ": min/max length need a STRING option");
    }
    if (minLength.isPresent() && (minLength.getAsInt() < 0 || minLength.getAsInt() > 6000)) {
      throw new IllegalArgumentException(where + ": min length must be 0-6000");
    }
    if (maxLength.isPresent() && (maxLength.getAsInt() < 1 || maxLength.getAsInt() > 6000)) {
      throw new IllegalArgumentException(where + ": max length must be 1-6000");
    }
    if (minLength.isPresent()
        && maxLength.isPresent()
        && minLength.getAsInt() > maxLength.getAsInt()) {
      throw new IllegalArgumentException(where + ": min length above max length");
    }
    if (!channelTypes.isEmpty() && type != OptionType.CHANNEL) {
      throw new IllegalArgumentException(where + ": channel types need a CHANNEL option");
    }
  }

  /** A subcommand with its value options. */
  public static CommandOption subcommand(
      String name, String description, CommandOption... options) {
    return new Builder(OptionType.SUB_COMMAND, name, description).options(options).build();
  }

  /** A subcommand group with its subcommands. */
  public static CommandOption group(String name, String description, CommandOption... subcommands) {
    return new Builder(OptionType.SUB_COMMAND_GROUP, name, description)
        .options(subcommands)
        .build();
  }

  public static Builder string(String name, String description) {
    return new Builder(OptionType.STRING, name, description);
  }

  public static Builder integer(String name, String description) {
    return new Builder(OptionType.INTEGER, name, description);
  }

  public static Builder number(String name, String description) {
    return new Builder(OptionType.NUMBER, name, description);
  }

  public static Builder bool(String name, String description) {
    return new Builder(OptionType.BOOLEAN, name, description);
  }

  public static Builder user(String name, String description) {
    return new Builder(OptionType.USER, name, description);
  }

  public static Builder channel(String name, String description) {
    return new Builder(OptionType.CHANNEL, name, description);
  }

  public static Builder role(String name, String description) {
    return new Builder(OptionType.ROLE, name, description);
  }

  public static Builder mentionable(String name, String description) {
    return new Builder(OptionType.MENTIONABLE, name, description);
  }

  public static Builder attachment(String name, String description) {
    return new Builder(OptionType.ATTACHMENT, name, description);
  }

  public static Builder builder(OptionType type, String name, String description) {
    return new Builder(type, name, description);
  }

  /** Builds one option; {@link #build()} validates. */
  public static final class Builder {
    private final OptionType type;
    private final String name;
    private final String description;
    private boolean required;
    private final List<Choice> choices = new ArrayList<>();
    private boolean autocomplete;
    private OptionalDouble minValue = OptionalDouble.empty();
    private OptionalDouble maxValue = OptionalDouble.empty();
    private OptionalInt minLength = OptionalInt.empty();
    private OptionalInt maxLength = OptionalInt.empty();
    private final List<Integer> channelTypes = new ArrayList<>();
    private final List<CommandOption> options = new ArrayList<>();

    private Builder(OptionType type, String name, String description) {
      this.type = type;
      this.name = name;
      this.description = description;
    }

    public Builder required() {
      return required(true);
    }

    public Builder required(boolean required) {
      this.required = required;
      return this;
    }

    public Builder autocomplete() {
      this.autocomplete = true;
      return this;
    }

    public Builder choice(String name, String value) {
      choices.add(Choice.of(name, value));
      return this;
    }

    public Builder choice(String name, long value) {
      choices.add(Choice.of(name, value));
      return this;
    }

    public Builder choice(String name, double value) {
      choices.add(Choice.of(name, value));
      return this;
    }

    public Builder choices(List<Choice> choices) {
      this.choices.addAll(choices);
      return this;
    }

    /** Inclusive value range (INTEGER, NUMBER). */
    public Builder range(double min, double max) {
      this.minValue = OptionalDouble.of(min);
      this.maxValue = OptionalDouble.of(max);
      return this;
    }

    public Builder minValue(double min) {
      this.minValue = OptionalDouble.of(min);
      return this;
    }

    public Builder maxValue(double max) {
      this.maxValue = OptionalDouble.of(max);
      return this;
    }

    /** Inclusive length range (STRING). */
    public Builder length(int min, int max) {
      this.minLength = OptionalInt.of(min);
      this.maxLength = OptionalInt.of(max);
      return this;
    }

    public Builder channelTypes(Integer... types) {
      channelTypes.addAll(List.of(types));
      return this;
    }

    public Builder options(CommandOption... nested) {
      options.addAll(List.of(nested));
      return this;
    }

    public CommandOption build() {
      return new CommandOption(
          type,
          name,
          description,
          required,
          choices,
          autocomplete,
          minValue,
          maxValue,
          minLength,
          maxLength,
          channelTypes,
          options);
    }
  }

  /** Characters Discord counts towards a command's 4,000 limit. */
  int characters() {
    int n = name.length() + description.length();
    for (Choice c : choices) {
      n += c.name().length();
      if (c.value() instanceof TextValue t) {
        n += t.value().length();
      }
    }
    for (CommandOption o : options) {
      n += o.characters();
    }
    return n;
  }
}
