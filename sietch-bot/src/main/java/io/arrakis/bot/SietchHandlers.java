package io.arrakis.bot;

import io.arrakis.bot.commands.CheckEligibilityCommand;
import io.arrakis.bot.commands.PositionCommand;
import io.arrakis.bot.commands.RegisterWaitlistCommand;
import io.arrakis.bot.commands.ThresholdCommand;
import java.util.List;

/** Every handler of the bot, built from its ports: the one list the worker wires. */
public final class SietchHandlers {
  private final List<HandlerGroup> groups;

  public SietchHandlers(BotPorts ports) {
    this.groups =
        List.of(
            eligibility(ports),
            new io.arrakis.bot.profile.ProfileHandlers(ports),
            new io.arrakis.bot.member.MemberInfoGroup(ports),
            new io.arrakis.bot.directory.DirectoryGroup(ports),
            new io.arrakis.bot.alerts.AlertsGroup(ports),
            new io.arrakis.bot.verify.VerifyGroup(ports),
            new io.arrakis.bot.setup.SetupHandlers(ports),
            new io.arrakis.bot.admin.AdminGroup(ports.repositories()));
  }

  private static HandlerGroup eligibility(BotPorts p) {
    return new HandlerGroup() {
      @Override
      public List<CommandHandler> commands() {
        return List.of(
            new CheckEligibilityCommand(p.repositories(), p.burners()),
            new ThresholdCommand(p.repositories()),
            new PositionCommand(p.repositories()),
            new RegisterWaitlistCommand(p.repositories()));
      }
    };
  }

  public List<CommandHandler> commands() {
    return groups.stream().flatMap(g -> g.commands().stream()).toList();
  }

  public List<ComponentHandler> components() {
    return groups.stream().flatMap(g -> g.components().stream()).toList();
  }

  public List<AutocompleteHandler> completions() {
    return groups.stream().flatMap(g -> g.completions().stream()).toList();
  }
}
