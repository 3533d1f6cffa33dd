package io.arrakis.bot.events;

import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Queues an event's actions after its transaction committed and waits until the broker has them. A
 * failure fails the event, which is retried: its ids derive from the event key, so actions queued
 * the first time run once.
 */
final class ActionQueue {
  static final Duration WAIT = Duration.ofSeconds(10);
  private static final Pattern NOT_ID = Pattern.compile("[^A-Za-z0-9:._-]");

  private final DiscordActions actions;

  ActionQueue(DiscordActions actions) {
    this.actions = actions;
  }

  /** An action id derived from the event: {@code {eventKey}:{suffix}}, made id-safe. */
  static String id(String eventKey, String suffix) {
    String id = NOT_ID.matcher(eventKey + ":" + suffix).replaceAll("_");
    return id.length() > 200 ? id.substring(id.length() - 200) : id;
  }

  void submit(List<DiscordAction> queued) throws TimeoutException, InterruptedException {
    if (queued.isEmpty()) {
      return;
    }
    CompletableFuture<?>[] sent =
        queued.stream().map(actions::submit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(sent).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException ex) {
      throw new IllegalStateException("actions not queued: " + ex.getCause(), ex.getCause());
    }
  }
}
