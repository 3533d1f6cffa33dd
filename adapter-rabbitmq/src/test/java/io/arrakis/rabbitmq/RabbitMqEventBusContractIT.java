package io.arrakis.rabbitmq;

import io.arrakis.messaging.EventConsumer;
import io.arrakis.messaging.EventPublisher;
import io.arrakis.messaging.Topology;
import io.arrakis.testkit.messaging.AbstractEventBusContractTest;
import io.arrakis.testkit.messaging.EventBusUnderTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The RabbitMQ adapter against the real broker passes the same contract as the fake. */
class RabbitMqEventBusContractIT extends AbstractEventBusContractTest {

  @Override
  protected EventBusUnderTest open(Topology topology) throws Exception {
    RabbitMq rabbit =
        RabbitMq.start(TestBroker.settings("contract-it"), topology, new SimpleMeterRegistry());
    return new EventBusUnderTest() {
      @Override
      public EventPublisher publisher() {
        try {
          return rabbit.publisher();
        } catch (java.io.IOException ex) {
          throw new IllegalStateException(ex);
        }
      }

      @Override
      public EventConsumer consumer() {
        try {
          return rabbit.consumer();
        } catch (java.io.IOException ex) {
          throw new IllegalStateException(ex);
        }
      }

      @Override
      public void close() throws Exception {
        rabbit.close();
        TestBroker.delete(topology);
      }
    };
  }
}
