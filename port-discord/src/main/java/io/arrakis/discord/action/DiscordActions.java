package io.arrakis.discord.action;

import java.util.concurrent.CompletableFuture;

/**
 * Where the worker sends the privileged effects it decided ({@link DiscordAction}). The worker
 * never performs them itself: it has no bot token.
 */
public interface DiscordActions {

  /**
   * Queues the action durably. The stage completes once the action is safe (confirmed by the
   * broker) and fails when it could not be queued; the caller decides whether that fails its own
   * work (a role grant the user was promised) or is only logged.
   */
  CompletableFuture<Void> submit(DiscordAction action);

  /** Checks an action id: 1–200 characters of {@code [A-Za-z0-9:._-]} (it becomes a message id). */
  static String requireId(String actionId) {
    if (actionId == null || !actionId.matches("[A-Za-z0-9:._-]{1,200}")) {
      throw new IllegalArgumentException(
          "action id must be 1-200 characters of [A-Za-z0-9:._-]: " + actionId);
    }
    return actionId;
  }
}
