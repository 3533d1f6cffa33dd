package io.arrakis.testkit.messaging;

import io.arrakis.messaging.EventConsumer;
import io.arrakis.messaging.EventPublisher;

/** A publisher and consumer over one topology, as a contract test needs them; closing cleans up. */
public interface EventBusUnderTest extends AutoCloseable {
  EventPublisher publisher();

  EventConsumer consumer();

  @Override
  void close() throws Exception;
}
