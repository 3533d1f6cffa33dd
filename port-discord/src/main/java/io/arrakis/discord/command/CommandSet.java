package io.arrakis.discord.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands registered in one scope (global or one guild) by one bulk overwrite: at most 100
 * slash commands, unique names, in registration order.
 */
public record CommandSet(List<CommandDefinition> commands) {

  public CommandSet {
    commands = List.copyOf(commands);
    if (commands.size() > CommandRules.MAX_COMMANDS) {
      throw new IllegalArgumentException(
          commands.size() + " commands, Discord allows at most " + CommandRules.MAX_COMMANDS);
    }
    Map<String, CommandDefinition> seen = new LinkedHashMap<>();
    for (CommandDefinition c : commands) {
      if (seen.put(c.name(), c) != null) {
        throw new IllegalArgumentException("two commands named '" + c.name() + "'");
      }
    }
  }

  public static CommandSet of(CommandDefinition... commands) {
    return new CommandSet(List.of(commands));
  }

  public int size() {
    return commands.size();
  }

  /** The command called {@code name}, if any. */
  public Optional<CommandDefinition> get(String name) {
    return commands.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The names, in registration order. */
  public List<String> names() {
    return commands.stream().map(CommandDefinition::name).toList();
  }
}
