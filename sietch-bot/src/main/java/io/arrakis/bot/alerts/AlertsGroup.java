package io.arrakis.bot.alerts;

import io.arrakis.bot.BotPorts;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.HandlerGroup;
import java.util.List;

/** {@code /alerts} with its toggles, frequency select and "disable all" (spec §15.10). */
public final class AlertsGroup implements HandlerGroup {
  private final BotPorts ports;

  public AlertsGroup(BotPorts ports) {
    this.ports = ports;
  }

  @Override
  public List<CommandHandler> commands() {
    return List.of(new AlertsCommand(ports.repositories()));
  }

  @Override
  public List<ComponentHandler> components() {
    return List.of(new AlertsControls(ports.repositories()));
  }
}
