package io.arrakis.rabbitmq;

/** A message that is not a valid envelope: it is dead-lettered at once, never retried. */
final class MalformedEnvelopeException extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedEnvelopeException(String message) {
    super(message);
  }
}
