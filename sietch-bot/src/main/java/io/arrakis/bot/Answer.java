package io.arrakis.bot;

import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import java.util.List;
import java.util.Objects;

/**
 * What a handler decided: the response the user sees and the privileged actions to queue. The
 * dispatcher queues the actions after the handler's transaction committed and before it answers, so
 * an answer never promises an effect that was not recorded.
 */
public record Answer(InteractionResponse response, List<DiscordAction> actions) {
  public Answer {
    Objects.requireNonNull(response, "response");
    actions = List.copyOf(actions);
  }

  /** A message answer without actions. */
  public static Answer reply(MessagePayload message) {
    return new Answer(new InteractionResponse.Reply(message), List.of());
  }

  /** Any initial response without actions (a modal, an autocomplete list, a message update). */
  public static Answer of(InteractionResponse response) {
    return new Answer(response, List.of());
  }

  /** An ephemeral text answer: every error reply (spec §1.1). */
  public static Answer error(String text) {
    return reply(MessagePayload.ephemeralText(text));
  }

  public Answer withActions(List<DiscordAction> more) {
    return new Answer(
        response, java.util.stream.Stream.concat(actions.stream(), more.stream()).toList());
  }
}
