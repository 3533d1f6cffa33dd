package io.arrakis.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.arrakis.messaging.ConsumerSettings;
import io.arrakis.messaging.EnvelopeHandler;
import io.arrakis.messaging.EventConsumer;
import io.arrakis.messaging.Subscription;
import io.arrakis.messaging.TopologyNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes with manual acks, one channel per subscription. Retries and dead letters are republished
 * with a confirm before the original is acked, so a crash in between duplicates a message rather
 * than losing it.
 */
final class RabbitMqEventConsumer implements EventConsumer {
  private static final Logger log = LoggerFactory.getLogger(RabbitMqEventConsumer.class);
  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

  private final Connection connection;
  private final TopologyNames names;
  private final Duration closeTimeout;
  private final MeterRegistry registry;
  private final Channel republishChannel;
  private final List<RabbitMqSubscription> subscriptions = new CopyOnWriteArrayList<>();

  RabbitMqEventConsumer(
      Connection connection, TopologyNames names, Duration closeTimeout, MeterRegistry registry)
      throws IOException {
    this.connection = connection;
    this.names = names;
    this.closeTimeout = closeTimeout;
    this.registry = registry;
    this.republishChannel = connection.createChannel();
    republishChannel.confirmSelect();
  }

  @Override
  public Subscription subscribe(String queue, ConsumerSettings settings, EnvelopeHandler handler) {
    try {
      RabbitMqSubscription subscription =
          new RabbitMqSubscription(
              connection.createChannel(), queue, settings, handler, this, closeTimeout, registry);
      subscription.start();
      subscriptions.add(subscription);
      return subscription;
    } catch (IOException ex) {
      throw new IllegalStateException("cannot consume " + queue + ": " + ex.getMessage(), ex);
    }
  }

  TopologyNames names() {
    return names;
  }

  /** Publishes a retry or dead letter and waits for the broker's confirm. */
  void republish(String exchange, String routingKey, AMQP.BasicProperties props, byte[] body)
      throws IOException {
    synchronized (republishChannel) {
      try {
        republishChannel.basicPublish(exchange, routingKey, false, props, body);
        republishChannel.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for a confirm", ex);
      } catch (TimeoutException ex) {
        throw new IOException("no confirm within " + CONFIRM_TIMEOUT, ex);
      } catch (AlreadyClosedException ex) {
        throw new IOException("channel closed: " + ex.getMessage(), ex);
      }
    }
  }

  /** True when every subscription is being delivered to. */
  boolean allConsuming() {
    return subscriptions.stream().allMatch(RabbitMqSubscription::isConsuming);
  }

  List<RabbitMqSubscription> subscriptions() {
    return List.copyOf(subscriptions);
  }

  void forget(RabbitMqSubscription subscription) {
    subscriptions.remove(subscription);
  }

  @Override
  public void close() {
    for (RabbitMqSubscription subscription : subscriptions) {
      subscription.close();
    }
    try {
      if (republishChannel.isOpen()) {
        republishChannel.close();
      }
    } catch (IOException | TimeoutException | AlreadyClosedException ex) {
      log.debug("republish channel close: {}", ex.toString());
    }
  }

  static void awaitQuietly(java.util.concurrent.ExecutorService executor, Duration timeout) {
    try {
      if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("handlers still running after {}; their messages will be redelivered", timeout);
        executor.shutdownNow();
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }
}
