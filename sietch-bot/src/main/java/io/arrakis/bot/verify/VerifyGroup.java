package io.arrakis.bot.verify;

import io.arrakis.bot.BotPorts;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.HandlerGroup;
import java.util.List;

/** {@code /verify} with its Submit signature button and signature modal. */
public final class VerifyGroup implements HandlerGroup {
  private final VerifyCommand command;
  private final VerifyControls controls;

  public VerifyGroup(BotPorts ports) {
    Linking linking = new Linking(ports.repositories(), ports.sessions());
    this.command = new VerifyCommand(ports.repositories(), linking);
    this.controls = new VerifyControls(ports.repositories(), ports.limiter(), linking);
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
