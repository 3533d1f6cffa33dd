package io.arrakis.messaging;

import java.util.Objects;

/** What a handler decided about one delivery. */
public sealed interface HandlerOutcome
    permits HandlerOutcome.Ack, HandlerOutcome.RetryLater, HandlerOutcome.DeadLetter {

  /** Done (effects performed): remove the message. */
  record Ack() implements HandlerOutcome {}

  /**
   * A transient fault (database, Redis, Discord 5xx): try again after a delay, up to the retry
   * policy's attempts; after that the message is dead-lettered with this reason.
   */
  record RetryLater(String reason) implements HandlerOutcome {
    public RetryLater {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A permanent fault (malformed payload, unknown command): park it in the DLQ with a reason. */
  record DeadLetter(String errorClass, String reason) implements HandlerOutcome {
    public DeadLetter {
      Objects.requireNonNull(errorClass, "errorClass");
      Objects.requireNonNull(reason, "reason");
    }
  }

  static HandlerOutcome ack() {
    return new Ack();
  }

  static HandlerOutcome retryLater(String reason) {
    return new RetryLater(reason);
  }

  static HandlerOutcome deadLetter(String errorClass, String reason) {
    return new DeadLetter(errorClass, reason);
  }
}
