package io.arrakis.messaging;

/** A running consumer of one queue. */
public interface Subscription extends AutoCloseable {

  String queue();

  /** True while the broker is delivering to this subscription (false while reconnecting). */
  boolean isConsuming();

  /** Cancels the consumer; in-flight deliveries finish first. */
  @Override
  void close();
}
