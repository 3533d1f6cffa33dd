package io.arrakis.bot.setup;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.ComponentInvocation;
import io.arrakis.bot.Invocation;
import io.arrakis.discord.Interaction.SlashCommand;
import java.util.Set;
import java.util.function.Function;

/**
 * The setup features' commands and controls are admin-only handlers that differ only in name,
 * answer mode, the community they accept and the method that answers: built here from those parts.
 */
final class AdminHandlers {
  /** Which community a handler accepts. */
  enum Scope {
    /** Only a set-up (active) community. */
    ACTIVE,
    /** Also one still being set up. */
    ANY,
    /** Also a guild without one yet: the dispatcher creates it ({@code /onboard}). */
    CREATE
  }

  private AdminHandlers() {}

  static CommandHandler command(
      String name, AnswerMode mode, Scope scope, Function<Invocation, Answer> answer) {
    return new CommandHandler() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public AnswerMode answerMode(SlashCommand command) {
        return mode;
      }

      @Override
      public boolean needsActiveCommunity() {
        return scope == Scope.ACTIVE;
      }

      @Override
      public boolean createsCommunity() {
        return scope == Scope.CREATE;
      }

      @Override
      public boolean adminOnly() {
        return true;
      }

      @Override
      public Answer handle(Invocation invocation) {
        return answer.apply(invocation);
      }
    };
  }

  static ComponentHandler controls(
      Set<String> prefixes, Scope scope, Function<ComponentInvocation, Answer> answer) {
    return new ComponentHandler() {
      @Override
      public Set<String> prefixes() {
        return prefixes;
      }

      @Override
      public boolean needsActiveCommunity() {
        return scope == Scope.ACTIVE;
      }

      @Override
      public boolean adminOnly() {
        return true;
      }

      @Override
      public Answer handle(ComponentInvocation invocation) {
        return answer.apply(invocation);
      }
    };
  }
}
