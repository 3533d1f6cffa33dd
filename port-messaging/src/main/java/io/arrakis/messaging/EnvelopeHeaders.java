package io.arrakis.messaging;

/** AMQP header names of architecture section 3.1 and of the dead-letter reason. */
public final class EnvelopeHeaders {
  public static final String RECEIVED_AT_US = "x-received-at-us";
  public static final String SHARD_ID = "x-shard-id";
  public static final String SEQ = "x-seq";
  public static final String SESSION_ID = "x-session-id";
  public static final String GUILD_ID = "x-guild-id";
  public static final String INTERACTION_ID = "x-interaction-id";
  public static final String SCHEMA = "x-schema";

  /** How many times consumers already tried the message; incremented on every delayed retry. */
  public static final String ATTEMPTS = "x-attempts";

  /**
   * Which delay queue a retried message waits in (routes on the retry headers exchange). Not {@code
   * x-}-prefixed: RabbitMQ's headers exchange ignores {@code x-} arguments when matching.
   */
  public static final String RETRY_DELAY = "retry-delay";

  /** The queue a retried or dead-lettered message came from; routes retries back to it. */
  public static final String ORIGIN_QUEUE = "origin-queue";

  public static final String ERROR_CLASS = "x-error-class";
  public static final String ERROR_MESSAGE = "x-error-message";

  /** The envelope format version this code writes and reads. */
  public static final int CURRENT_SCHEMA = 1;

  private EnvelopeHeaders() {}
}
