package io.arrakis.rabbitmq;

import com.rabbitmq.client.Channel;
import io.arrakis.messaging.Topology;
import java.io.IOException;

/**
 * Declares a {@link Topology} over AMQP. Declaring is idempotent; a queue that exists with other
 * arguments makes the broker close the channel with PRECONDITION_FAILED, which surfaces here as an
 * error naming the queue (a topology change is a migration, see the README).
 */
final class AmqpTopologyDeclarer {
  private AmqpTopologyDeclarer() {}

  static void declare(Channel channel, Topology topology) throws IOException {
    for (Topology.ExchangeSpec exchange : topology.exchanges()) {
      channel.exchangeDeclare(exchange.name(), exchange.type(), true, false, false, null);
    }
    for (Topology.QueueSpec queue : topology.queues()) {
      try {
        channel.queueDeclare(queue.name(), true, false, false, queue.arguments());
      } catch (IOException ex) {
        throw new IOException(
            "cannot declare queue "
                + queue.name()
                + " with "
                + queue.arguments()
                + " (does it exist with other arguments? see adapter-rabbitmq/README.md, migrations)",
            ex);
      }
    }
    for (Topology.BindingSpec binding : topology.bindings()) {
      channel.queueBind(
          binding.queue(), binding.exchange(), binding.routingKey(), binding.arguments());
    }
  }
}
