package io.arrakis.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.arrakis.messaging.EventConsumer;
import io.arrakis.messaging.EventPublisher;
import io.arrakis.messaging.Topology;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's one entry point: opens the connections, declares the topology, and hands out the
 * publisher and consumer. Publishing and consuming use separate connections, so broker flow control
 * on publishers never stalls acks. Both recover automatically after a connection loss.
 */
public final class RabbitMq implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RabbitMq.class);

  private final RabbitMqSettings settings;
  private final Topology topology;
  private final MeterRegistry registry;
  private final ConnectionFactory factory;
  private final List<Connection> connections = new ArrayList<>();
  private RabbitMqEventPublisher publisher;
  private RabbitMqEventConsumer consumer;

  private RabbitMq(RabbitMqSettings settings, Topology topology, MeterRegistry registry)
      throws IOException {
    this.settings = settings;
    this.topology = topology;
    this.registry = registry;
    this.factory = new ConnectionFactory();
    try {
      factory.setUri(settings.uri());
      // By the AMQP URI spec "amqp://host/" names the empty vhost; people mean the default one.
      String path = settings.uri().getPath();
      if (path == null || path.isEmpty() || path.equals("/")) {
        factory.setVirtualHost("/");
      }
    } catch (URISyntaxException | GeneralSecurityException ex) {
      throw new IllegalArgumentException("bad RabbitMQ URL " + settings.redactedUri(), ex);
    }
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setNetworkRecoveryInterval(settings.recoveryInterval().toMillis());
    factory.setRequestedHeartbeat(15);
    factory.setConnectionTimeout(10_000);
  }

  /**
   * Connects and declares the topology (idempotent).
   *
   * @throws IOException when the broker cannot be reached or the topology conflicts
   */
  public static RabbitMq start(RabbitMqSettings settings, Topology topology, MeterRegistry registry)
      throws IOException {
    RabbitMq rabbit = new RabbitMq(settings, topology, registry);
    rabbit.declare(topology);
    return rabbit;
  }

  /** Declares more of the topology, e.g. {@link Topology#shardActions} for the shards held. */
  public void declare(Topology part) throws IOException {
    Connection connection = open("topology");
    try (Channel channel = connection.createChannel()) {
      AmqpTopologyDeclarer.declare(channel, part);
    } catch (TimeoutException ex) {
      throw new IOException("timed out declaring the topology", ex);
    } finally {
      closeQuietly(connection);
    }
  }

  /** The publisher (one per process; thread-safe). */
  public synchronized EventPublisher publisher() throws IOException {
    if (publisher == null) {
      publisher =
          new RabbitMqEventPublisher(
              open("publish"), topology.names(), settings, registry, Clock.systemUTC());
    }
    return publisher;
  }

  /** The consumer (one per process; subscribe to as many queues as needed). */
  public synchronized EventConsumer consumer() throws IOException {
    if (consumer == null) {
      consumer =
          new RabbitMqEventConsumer(
              open("consume"), topology.names(), settings.closeTimeout(), registry);
    }
    return consumer;
  }

  public Topology topology() {
    return topology;
  }

  /** What {@code /health} reports about the broker. */
  public synchronized Health health() {
    boolean publishing = publisher == null || publisher.isConnected();
    boolean consuming = consumer == null || consumer.allConsuming();
    List<String> notConsuming =
        consumer == null
            ? List.of()
            : consumer.subscriptions().stream()
                .filter(s -> !s.isConsuming())
                .map(RabbitMqSubscription::queue)
                .toList();
    int pending = publisher == null ? 0 : publisher.pendingCount();
    return new Health(publishing && consuming, publishing, notConsuming, pending);
  }

  /**
   * @param healthy publisher connected and every subscription consuming
   * @param publisherConnected the publishing channel is open (false while reconnecting)
   * @param queuesNotConsuming subscriptions that are currently not being delivered to
   * @param publisherPending messages buffered or awaiting a confirm
   */
  public record Health(
      boolean healthy,
      boolean publisherConnected,
      List<String> queuesNotConsuming,
      int publisherPending) {}

  private Connection open(String purpose) throws IOException {
    try {
      Connection connection = factory.newConnection(settings.connectionName() + "-" + purpose);
      if (!"topology".equals(purpose)) {
        synchronized (connections) {
          connections.add(connection);
        }
      }
      return connection;
    } catch (TimeoutException ex) {
      throw new IOException("timed out connecting to " + settings.redactedUri(), ex);
    } catch (IOException ex) {
      throw new IOException(
          "cannot connect to RabbitMQ at " + settings.redactedUri() + ": " + ex.getMessage(), ex);
    }
  }

  /** Closes the publisher (flushing what it can), then the consumers, then the connections. */
  @Override
  public synchronized void close() {
    if (publisher != null) {
      publisher.close();
    }
    if (consumer != null) {
      consumer.close();
    }
    synchronized (connections) {
      connections.forEach(RabbitMq::closeQuietly);
      connections.clear();
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      if (connection.isOpen()) {
        connection.close();
      }
    } catch (IOException | com.rabbitmq.client.AlreadyClosedException ex) {
      log.debug("connection close: {}", ex.toString());
    }
  }
}
