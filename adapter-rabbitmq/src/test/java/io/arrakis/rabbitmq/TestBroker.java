package io.arrakis.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.arrakis.messaging.Topology;
import io.arrakis.testkit.broker.RabbitMqManagement;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The machine's real RabbitMQ, as the integration tests use it. */
final class TestBroker {
  static final String HOST = System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1");
  static final URI AMQP = URI.create("amqp://guest:guest@" + HOST + ":5672/");
  static final String MANAGEMENT = "http://" + HOST + ":15672";

  private TestBroker() {}

  static RabbitMqSettings settings(String connectionName) {
    return RabbitMqSettings.defaults(AMQP, connectionName);
  }

  static RabbitMqSettings settings(URI uri, String connectionName, Duration recoveryInterval) {
    RabbitMqSettings d = RabbitMqSettings.defaults(uri, connectionName);
    return new RabbitMqSettings(
        uri, connectionName, 20_000, d.maxInFlight(), recoveryInterval, d.closeTimeout());
  }

  static Connection connect() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(AMQP);
    factory.setVirtualHost("/");
    return factory.newConnection("it-admin");
  }

  /** Deletes every queue and exchange of a test topology. */
  static void delete(Topology topology) throws Exception {
    try (Connection connection = connect()) {
      for (Topology.QueueSpec queue : topology.queues()) {
        try (Channel channel = connection.createChannel()) {
          channel.queueDelete(queue.name());
        }
      }
      for (Topology.ExchangeSpec exchange : topology.exchanges()) {
        try (Channel channel = connection.createChannel()) {
          channel.exchangeDelete(exchange.name());
        }
      }
    }
  }

  /** Forcibly closes every client connection on the broker, as an operator or a crash would. */
  static void closeAllConnections() throws Exception {
    Process p =
        new ProcessBuilder("rabbitmqctl", "close_all_connections", "chaos test")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("rabbitmqctl close_all_connections failed: " + out);
    }
  }

  /** Calls the management API; returns the HTTP status. */
  static int management(String method, String path) throws IOException {
    return RabbitMqManagement.request(method, path, method.equals("PUT") ? "{}" : null);
  }

  /** Calls the management API with a JSON body; returns the HTTP status. */
  static int management(String method, String path, String json) throws IOException {
    return RabbitMqManagement.request(method, path, json);
  }

  static String encode(String vhost) {
    return RabbitMqManagement.encode(vhost);
  }
}
