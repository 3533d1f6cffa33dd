package io.arrakis.bot;

import io.arrakis.discord.Interaction.SlashCommand;

/**
 * One slash command of spec §15. The {@link InteractionDispatcher} does what every command shares
 * (rate limits, community, cooldown, transaction, actions, errors); a handler only decides its
 * answer. It runs inside one database transaction for the caller's community.
 */
public interface CommandHandler {

  /** The command's name, as in {@code SietchCommands}. */
  String name();

  /** Whether this invocation (e.g. this subcommand) answers at once or defers. */
  AnswerMode answerMode(SlashCommand command);

  /**
   * Whether the community must be set up (active); otherwise NOT_SET_UP is answered before the
   * handler runs. A few commands also serve a community still being set up (spec §2).
   */
  default boolean needsActiveCommunity() {
    return true;
  }

  /**
   * The one command that may meet a guild the bot has no community for yet ({@code /onboard}): the
   * dispatcher then creates the community from the Sietch preset, inactive, before the handler runs
   * (after the admin check), instead of answering NOT_SET_UP.
   */
  default boolean createsCommunity() {
    return false;
  }

  /**
   * Admin commands (spec §1.1: {@code /admin-*}, {@code /onboard}, {@code /resume}) are re-checked
   * server-side with {@link AdminCheck} before the handler runs; a refusal answers NOT_ADMIN.
   */
  default boolean adminOnly() {
    return false;
  }

  /**
   * The answer. For {@link AnswerMode#IMMEDIATE} any initial response; for deferring modes a {@link
   * io.arrakis.discord.InteractionResponse.Reply} whose message replaces the deferred one. Throwing
   * means an unexpected failure: the user gets {@link Replies#internal()}.
   */
  Answer handle(Invocation invocation) throws Exception;
}
