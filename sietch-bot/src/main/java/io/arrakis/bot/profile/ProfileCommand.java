package io.arrakis.bot.profile;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.state.SessionStore;
import io.arrakis.state.StateUnavailableException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /profile view [nym] | edit} (spec §15.8): immediate. {@code view} without a nym shows the
 * caller's own card (members, ephemeral); with a nym the public card (anyone, public). {@code edit}
 * starts the DM edit wizard ({@link ProfileEditWizard}): a session in Redis and the menu sent as a
 * DM action.
 */
public final class ProfileCommand implements CommandHandler {
  static final String VIEW = "view";
  static final String EDIT = "edit";
  static final String OPTION_NYM = "nym";
  static final String CHECK_DMS = "Check your DMs.";

  private final Repositories repos;
  private final SessionStore sessions;

  public ProfileCommand(Repositories repos, SessionStore sessions) {
    this.repos = Objects.requireNonNull(repos, "repos");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  @Override
  public String name() {
    return SietchCommands.PROFILE;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return AnswerMode.IMMEDIATE;
  }

  @Override
  public Answer handle(Invocation in) throws StateUnavailableException {
    return switch (in.subcommand()) {
      case VIEW -> view(in);
      case EDIT -> edit(in);
      default -> Answer.reply(Replies.unknownCommand());
    };
  }

  static String noMember(String nym) {
    return "No member named " + nym + ".";
  }

  private Answer view(Invocation in) {
    Optional<String> nym =
        in.options().string(OPTION_NYM).map(String::strip).filter(s -> !s.isEmpty());
    if (nym.isPresent()) {
      Optional<Profile> found =
          repos.profiles().byNym(in.communityId(), nym.get()).filter(Profile::active);
      if (found.isEmpty()) {
        return Answer.error(noMember(nym.get()));
      }
      return Answer.reply(
          ProfileCards.publicCard(repos, in.community(), found.get(), in.now()).build());
    }
    Optional<Profile> own = member(in);
    if (own.isEmpty()) {
      return Answer.reply(Replies.notMember());
    }
    return Answer.reply(
        ProfileCards.own(repos, in.community(), own.get(), in.now()).ephemeral().build());
  }

  private Answer edit(Invocation in) throws StateUnavailableException {
    Optional<Profile> own = member(in);
    if (own.isEmpty()) {
      return Answer.reply(Replies.notMember());
    }
    sessions.put(
        ProfileEditWizard.sessionType(in.communityId()),
        in.caller().toString(),
        ProfileEditWizard.newSession(in.now()),
        ProfileEditWizard.TTL);
    DiscordAction dm =
        new DiscordAction.SendDirectMessage(
            Long.toUnsignedString(in.interactionId()) + ":dm.send:profile-edit",
            in.caller().value(),
            ProfileEditWizard.menu(in.community(), own.get()),
            "profile_edit");
    return Answer.reply(MessagePayload.ephemeralText(CHECK_DMS)).withActions(List.of(dm));
  }

  private Optional<Profile> member(Invocation in) {
    return repos.profiles().byUser(in.communityId(), in.caller()).filter(Profile::active);
  }
}
