package io.arrakis.bot.setup;

import io.arrakis.bot.BotPorts;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.HandlerGroup;
import java.util.List;
import java.util.Objects;

/**
 * {@code /onboard}, {@code /resume}, {@code /admin-migrate}, {@code /admin-takeover} and their
 * controls: the one group {@code SietchHandlers} registers.
 */
public final class SetupHandlers implements HandlerGroup {
  private final Wizard wizard;
  private final Migration migration;
  private final Takeover takeover;

  public SetupHandlers(BotPorts ports) {
    Objects.requireNonNull(ports, "ports");
    Sessions sessions = new Sessions(ports.sessions());
    this.wizard = new Wizard(ports.repositories(), sessions, ports.leases(), ports.syncRequests());
    this.migration = new Migration(ports.repositories(), sessions);
    this.takeover = new Takeover(ports.repositories(), sessions);
  }

  @Override
  public List<CommandHandler> commands() {
    return List.of(wizard.onboard(), wizard.resume(), migration.command(), takeover.command());
  }

  @Override
  public List<ComponentHandler> components() {
    return List.of(wizard.controls(), migration.controls(), takeover.controls());
  }
}
