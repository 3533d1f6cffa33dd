package io.arrakis.bot.member;

import io.arrakis.bot.AutocompleteHandler;
import io.arrakis.bot.BotPorts;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.HandlerGroup;
import java.util.List;

/**
 * The read-mostly member commands: {@code /stats}, {@code /leaderboard}, {@code /naib}, {@code
 * /badges} and the {@code /badges nym} autocomplete.
 */
public final class MemberInfoGroup implements HandlerGroup {
  private final List<CommandHandler> commands;
  private final List<AutocompleteHandler> completions;

  public MemberInfoGroup(BotPorts ports) {
    this.commands =
        List.of(
            new StatsCommand(ports.repositories()),
            new LeaderboardCommand(ports.repositories(), ports.sessions()),
            new NaibCommand(ports.repositories()),
            new BadgesCommand(ports.repositories()));
    this.completions = List.of(new NymAutocomplete(ports.repositories()));
  }

  @Override
  public List<CommandHandler> commands() {
    return commands;
  }

  @Override
  public List<AutocompleteHandler> completions() {
    return completions;
  }
}
