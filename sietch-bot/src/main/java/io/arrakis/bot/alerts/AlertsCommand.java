package io.arrakis.bot.alerts;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /alerts} (spec §15.10): the caller's alert preferences with their controls; members only,
 * ephemeral, immediate. Reads only: preferences are written by the controls.
 */
public final class AlertsCommand implements CommandHandler {
  private final Repositories repos;
  private final MemberAlerts alerts;

  public AlertsCommand(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
    this.alerts = new MemberAlerts(repos);
  }

  @Override
  public String name() {
    return SietchCommands.ALERTS;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return AnswerMode.IMMEDIATE;
  }

  @Override
  public Answer handle(Invocation invocation) {
    Optional<Profile> profile =
        repos
            .profiles()
            .byUser(invocation.communityId(), invocation.caller())
            .filter(Profile::active);
    if (profile.isEmpty()) {
      return Answer.reply(Replies.notMember());
    }
    AlertPreferences prefs =
        alerts.preferences(invocation.community(), profile.get().memberId(), invocation.now());
    boolean seat = alerts.holdsSeat(invocation.communityId(), profile.get().memberId());
    return Answer.reply(AlertsView.render(prefs, seat, false, ""));
  }
}
