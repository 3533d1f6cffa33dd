package io.arrakis.messaging;

/** Thrown by a handler for input that can never be processed: the message is dead-lettered. */
public class PoisonMessageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PoisonMessageException(String message) {
    super(message);
  }

  public PoisonMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
