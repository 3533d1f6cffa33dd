package io.arrakis.jda.actions;

import java.util.Optional;

/**
 * An action message that cannot become a {@link io.arrakis.discord.action.DiscordAction}: not JSON,
 * an unsupported {@code v}, a missing or ill-typed field, an unknown kind, or a value the port
 * refuses (a 2,001-character content, a colour out of range). Permanent — the same bytes fail the
 * same way — so the executor dead-letters the message with {@link #getMessage()} as the reason. The
 * message names the field by its JSON path (e.g. {@code message.embeds[0].color}) and, when it
 * could be read, the action id.
 */
public final class MalformedActionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String actionId;

  public MalformedActionException(String reason) {
    super(reason);
    this.actionId = null;
  }

  public MalformedActionException(String actionId, String reason) {
    super(actionId == null ? reason : "action " + actionId + ": " + reason);
    this.actionId = actionId;
  }

  /** The action id when the message had a readable one. */
  public Optional<String> actionId() {
    return Optional.ofNullable(actionId);
  }
}
