package io.arrakis.bot.directory;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import java.util.Objects;

/**
 * {@code /directory} (spec §15.4): members only, ephemeral, immediate. Every invocation starts a
 * fresh view (page 1, all tiers, by nym) and stores it as the caller's session; a Redis failure
 * throws, which the dispatcher answers INTERNAL (spec §20: a command that needs a session).
 */
public final class DirectoryCommand implements CommandHandler {
  private final Repositories repos;
  private final DirectoryView view;
  private final DirectorySessions sessions;

  DirectoryCommand(Repositories repos, DirectorySessions sessions) {
    this.repos = Objects.requireNonNull(repos, "repos");
    this.view = new DirectoryView(repos);
    this.sessions = sessions;
  }

  @Override
  public String name() {
    return SietchCommands.DIRECTORY;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return AnswerMode.IMMEDIATE;
  }

  @Override
  public Answer handle(Invocation invocation) throws Exception {
    boolean member =
        repos
            .profiles()
            .byUser(invocation.communityId(), invocation.caller())
            .map(Profile::active)
            .orElse(false);
    if (!member) {
      return Answer.reply(Replies.notMember());
    }
    DirectoryView.Rendered page =
        view.render(invocation.community(), DirectoryState.defaults(), invocation.now());
    sessions.save(invocation.communityId(), invocation.caller(), page.state());
    return Answer.reply(page.message());
  }
}
