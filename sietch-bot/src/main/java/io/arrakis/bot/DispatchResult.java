package io.arrakis.bot;

import java.util.Objects;

/**
 * What became of one interaction, for the consumer to ack, count and log.
 *
 * @param status the kind of ending
 * @param detail a short human-readable reason (for logs and dead-letter headers)
 * @param firstResponseNanos {@link System#nanoTime()} when the first response (callback) was
 *     accepted by Discord, or -1 when none was
 */
public record DispatchResult(Status status, String detail, long firstResponseNanos) {
  public DispatchResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  /** The kinds of ending. */
  public enum Status {
    /** The user got the answer (or an error reply) from this worker. */
    ANSWERED,
    /** Discord already had a callback from another worker (a redelivery or a replay): done. */
    ANSWERED_ELSEWHERE,
    /** Discord refused: the 3-second window or the token had expired. */
    EXPIRED,
    /** Discord refused the response for another reason (a bug in the reply): logged, dropped. */
    REJECTED,
    /** Discord could not be reached: the answer may be lost; the window will not wait. */
    UNDELIVERED,
    /** Nothing handles this (an unknown command): the user was told, the event is dead-lettered. */
    UNSUPPORTED
  }
}
