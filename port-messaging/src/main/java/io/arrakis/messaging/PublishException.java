package io.arrakis.messaging;

/** Why the broker did not take a message. */
public final class PublishException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The reasons a publish can fail. */
  public enum Reason {
    /** The broker said it could not take the message (basic.nack). */
    NACKED,
    /** No queue was bound for the routing key (mandatory message returned). */
    UNROUTABLE,
    /** The buffer was full while the broker was away, and this message had the lowest priority. */
    SHED,
    /** The message outlived its expiration before it could be sent. */
    EXPIRED,
    /** The publisher was closed before the broker confirmed the message. */
    CLOSED
  }

  private final Reason reason;

  public PublishException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
