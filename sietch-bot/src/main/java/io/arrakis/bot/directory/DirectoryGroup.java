package io.arrakis.bot.directory;

import io.arrakis.bot.BotPorts;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.HandlerGroup;
import java.util.List;

/** {@code /directory} with its selects and paging buttons (spec §15.4). */
public final class DirectoryGroup implements HandlerGroup {
  private final DirectoryCommand command;
  private final DirectoryControls controls;

  public DirectoryGroup(BotPorts ports) {
    DirectorySessions sessions = new DirectorySessions(ports.sessions());
    this.command = new DirectoryCommand(ports.repositories(), sessions);
    this.controls = new DirectoryControls(ports.repositories(), sessions);
  }

  @Override
  public List<CommandHandler> commands() {
    return List.of(command);
  }

  @Override
  public List<ComponentHandler> components() {
    return List.of(controls);
  }
}
