package io.arrakis.discord.action;

/**
 * Performs privileged actions with the bot token: the ingestor's side of {@link DiscordActions}.
 * Checks what it can locally first (the bot's permissions and role position from the gateway
 * cache), so an action that cannot succeed is refused without a request. Never throws for a Discord
 * or network failure: the {@link ActionOutcome} says what happened.
 */
public interface DiscordActionExecutor {

  /** Blocks until Discord answered (per-route rate limits are waited out up to a bound). */
  ActionOutcome execute(DiscordAction action);

  /**
   * REST requests the action needs at most (for global pacing): a DM may open the channel first.
   */
  default int requestsFor(DiscordAction action) {
    return action.kind() == DiscordAction.Kind.DM_SEND ? 2 : 1;
  }
}
