package io.arrakis.system;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.arrakis.testkit.broker.RabbitMqManagement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A private vhost on the machine's RabbitMQ, and a reader that counts every message that reaches
 * the ingestor's queues (interactions that expire unread reach the DLQ, so it is read too).
 */
final class Broker implements AutoCloseable {
  final String vhost = "sys-" + UUID.randomUUID().toString().substring(0, 8);
  final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  private Connection reader;

  Broker() throws IOException {
    RabbitMqManagement.createVhost(vhost);
  }

  String amqpUrl() {
    return RabbitMqManagement.amqpUrl(vhost);
  }

  /** A plain AMQP connection into this vhost, for tests that publish or read queues directly. */
  Connection connect(String name) throws Exception {
    ConnectionFactory f = new ConnectionFactory();
    f.setUri(amqpUrl());
    return f.newConnection(name);
  }

  /** Starts counting; the queues must exist (the ingestor declares them at start). */
  void startReading() throws Exception {
    ConnectionFactory f = new ConnectionFactory();
    f.setUri(amqpUrl());
    f.setAutomaticRecoveryEnabled(true);
    f.setNetworkRecoveryInterval(500);
    reader = f.newConnection("system-test-reader");
    for (String queue : List.of("arrakis.interactions", "arrakis.events.guild", "arrakis.dlq")) {
      Channel ch = reader.createChannel();
      ch.basicQos(500);
      ch.basicConsume(
          queue,
          false,
          new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope e, AMQP.BasicProperties p, byte[] body)
                throws IOException {
              if (p.getMessageId() != null) {
                received
                    .computeIfAbsent(p.getMessageId(), k -> new AtomicInteger())
                    .incrementAndGet();
              }
              ch.basicAck(e.getDeliveryTag(), false);
            }
          });
    }
  }

  /** Waits until every key has been received at least once, or the timeout passes. */
  boolean awaitAll(List<String> keys, long timeoutSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (System.nanoTime() < deadline) {
      if (keys.stream().allMatch(received::containsKey)) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  /** Forcibly closes every connection on the broker (rabbitmqctl; needs root or the cookie). */
  static void closeAllConnections() throws Exception {
    Process p =
        new ProcessBuilder("rabbitmqctl", "close_all_connections", "system test")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("rabbitmqctl failed: " + out);
    }
  }

  @Override
  public void close() throws IOException {
    if (reader != null && reader.isOpen()) {
      reader.close();
    }
    RabbitMqManagement.deleteVhost(vhost);
  }
}
