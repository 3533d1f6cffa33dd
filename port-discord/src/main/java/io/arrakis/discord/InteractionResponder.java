package io.arrakis.discord;

/**
 * Answers interactions through the interaction-token routes, which need no bot token: the worker
 * answers users without ever holding it (architecture §5).
 *
 * <p>Every method blocks until Discord answered or the implementation's bounded retries ran out
 * (rate limits are waited out up to a bound), and never throws for a Discord or network failure:
 * the {@link ResponseOutcome} says what happened. Implementations must never create a message twice
 * for one call: a call whose outcome is unknown and cannot be retried safely ends as {@link
 * ResponseOutcome.Unavailable} with {@code mayHaveBeenDelivered}.
 */
public interface InteractionResponder {

  /** The initial response (callback types 4–9); at most one per interaction, within 3 s. */
  ResponseOutcome respond(InteractionToken interaction, InteractionResponse response);

  /** A further message after the callback (valid 15 minutes after the interaction). */
  ResponseOutcome followup(InteractionToken interaction, MessagePayload message);

  /** Replaces the original response, e.g. the answer to a {@link InteractionResponse.Defer}. */
  ResponseOutcome editOriginal(InteractionToken interaction, MessagePayload message);

  /** Deletes the original response. */
  ResponseOutcome deleteOriginal(InteractionToken interaction);
}
