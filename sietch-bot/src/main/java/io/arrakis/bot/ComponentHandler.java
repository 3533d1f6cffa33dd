package io.arrakis.bot;

import java.util.Set;

/**
 * Buttons, selects and modal submits of spec §16, routed by the prefix of their custom id ({@code
 * prefix[:arg…]}). The dispatcher resolves the community (from the guild, or in a DM from a
 * community-id argument) and answers INTERNAL on failure; the handler does its owner check ({@link
 * Replies#notYours()}) and decides the answer — usually {@link
 * io.arrakis.discord.InteractionResponse.UpdateMessage} (edit in place), a {@link
 * io.arrakis.discord.InteractionResponse.ShowModal} or an ephemeral reply. It runs in one
 * transaction for the community.
 */
public interface ComponentHandler {

  /** The custom-id prefixes this handler owns, e.g. {@code directory_next}, {@code wizard}. */
  Set<String> prefixes();

  /** Whether the community must be set up (the setup wizard's own controls say no). */
  default boolean needsActiveCommunity() {
    return true;
  }

  /** Admin-only controls are re-checked server-side before {@link #handle} (spec §1.1). */
  default boolean adminOnly() {
    return false;
  }

  Answer handle(ComponentInvocation invocation) throws Exception;
}
