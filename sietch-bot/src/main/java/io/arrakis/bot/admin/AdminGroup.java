package io.arrakis.bot.admin;

import io.arrakis.bot.AutocompleteHandler;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.HandlerGroup;
import io.arrakis.domain.port.Repositories;
import java.util.List;

/**
 * {@code /admin-stats}, {@code /admin-badge}, {@code /water-share}, {@code /admin-water-share} and
 * their autocompletes.
 */
public final class AdminGroup implements HandlerGroup {
  private final Repositories repos;

  public AdminGroup(Repositories repos) {
    this.repos = repos;
  }

  @Override
  public List<CommandHandler> commands() {
    return List.of(
        new AdminStatsCommand(repos),
        new AdminBadgeCommand(repos),
        new WaterShareCommand(repos),
        new AdminWaterShareCommand(repos));
  }

  @Override
  public List<AutocompleteHandler> completions() {
    return List.of(new AdminBadgeCompletion(repos), new AdminWaterShareCompletion(repos));
  }
}
