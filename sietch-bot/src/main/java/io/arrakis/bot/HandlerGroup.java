package io.arrakis.bot;

import java.util.List;

/** The handlers of one feature (a command with its controls, modals and completions). */
public interface HandlerGroup {

  default List<CommandHandler> commands() {
    return List.of();
  }

  default List<ComponentHandler> components() {
    return List.of();
  }

  default List<AutocompleteHandler> completions() {
    return List.of();
  }
}
