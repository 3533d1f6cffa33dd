package io.arrakis.messaging;

import java.util.concurrent.CompletableFuture;

/**
 * Publishes envelopes durably. The returned stage completes when the broker has taken
 * responsibility for the message (publisher confirm), and fails with a {@link PublishException}
 * when it was nacked, returned as unroutable, shed from a full buffer or expired before it could be
 * sent. Messages published from one thread leave in the order they were published.
 */
public interface EventPublisher extends AutoCloseable {

  /** Publishes to an exchange of the topology, with the envelope's routing key. */
  CompletableFuture<Void> publish(String exchange, Envelope envelope);

  /** Publishes a gateway event or interaction to {@link TopologyNames#eventsExchange()}. */
  default CompletableFuture<Void> publish(Envelope envelope) {
    return publish(names().eventsExchange(), envelope);
  }

  /** The names of the topology this publisher publishes into. */
  TopologyNames names();

  /** Messages accepted but not yet confirmed by the broker (buffered or in flight). */
  int pendingCount();

  /** Stops accepting new messages, waits up to the configured time for the pending ones. */
  @Override
  void close();
}
