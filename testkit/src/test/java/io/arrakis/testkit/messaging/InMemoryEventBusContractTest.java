package io.arrakis.testkit.messaging;

import io.arrakis.messaging.EventConsumer;
import io.arrakis.messaging.EventPublisher;
import io.arrakis.messaging.Topology;

/** The fake passes the same contract as the RabbitMQ adapter. */
class InMemoryEventBusContractTest extends AbstractEventBusContractTest {

  @Override
  protected EventBusUnderTest open(Topology topology) {
    InMemoryEventBus bus = new InMemoryEventBus(topology);
    return new EventBusUnderTest() {
      @Override
      public EventPublisher publisher() {
        return bus;
      }

      @Override
      public EventConsumer consumer() {
        return bus;
      }

      @Override
      public void close() {
        bus.close();
      }
    };
  }
}
