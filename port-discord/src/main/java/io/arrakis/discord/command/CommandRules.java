package io.arrakis.discord.command;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Discord's rules for application commands, checked when a definition is built. */
final class CommandRules {
  private CommandRules() {}

  /** Discord's CHAT_INPUT name pattern. */
  static final Pattern NAME = Pattern.compile("^[-_\\p{L}\\p{N}]{1,32}$");

  static final int MAX_DESCRIPTION = 100;
  static final int MAX_OPTIONS = 25;
  static final int MAX_CHOICES = 25;
  static final int MAX_COMMANDS = 100;
  static final int MAX_TOTAL_CHARACTERS = 4000;

  static void name(String what, String name) {
    Objects.requireNonNull(name, what + " name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " name '" + name + "' must match " + NAME.pattern());
    }
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(what + " name '" + name + "' must be lower-case");
    }
  }

  static void description(String what, String description) {
    Objects.requireNonNull(description, what + " description");
    if (description.isBlank() || description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException(
          what
              + " description must be 1-"
              + MAX_DESCRIPTION
              + " characters, got "
              + description.length());
    }
  }

  /** At most 25, unique names, required ones first, subcommands not mixed with value options. */
  static void options(String where, List<CommandOption> options) {
    if (options.size() > MAX_OPTIONS) {
      throw new IllegalArgumentException(
          where + " has " + options.size() + " options, at most " + MAX_OPTIONS);
    }
    Set<String> names = new HashSet<>();
    boolean optionalSeen = false;
    long structural = options.stream().filter(o -> o.type().isSubcommandOrGroup()).count();
    if (structural != 0 && structural != options.size()) {
      throw new IllegalArgumentException(where + " mixes subcommands or groups with value options");
    }
    for (CommandOption o : options) {
      if (!names.add(o.name())) {
        throw new IllegalArgumentException(where + " has two options named '" + o.name() + "'");
      }
      if (o.required() && optionalSeen) {
        throw new IllegalArgumentException(
            where + ": required option '" + o.name() + "' follows an optional one");
      }
      optionalSeen |= !o.required();
    }
  }
}
