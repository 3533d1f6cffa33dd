package io.arrakis.messaging;

/**
 * Consumes queues of the topology with manual acknowledgement. The handler's outcome decides: ack,
 * delayed retry (bounded by the {@link RetryPolicy}) or dead-letter with a reason. Never requeues
 * in a loop.
 */
public interface EventConsumer extends AutoCloseable {

  /** Starts consuming {@code queue}; the subscription keeps consuming across reconnects. */
  Subscription subscribe(String queue, ConsumerSettings settings, EnvelopeHandler handler);

  /** Stops every subscription: no new deliveries, in-flight handlers finish and are acked. */
  @Override
  void close();
}
