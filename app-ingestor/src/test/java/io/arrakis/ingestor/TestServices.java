package io.arrakis.ingestor;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.arrakis.testkit.broker.RabbitMqManagement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A private RabbitMQ vhost and Redis database per test class, on the machine's real services. */
final class TestServices implements AutoCloseable {
  static final int REDIS_DB = 9;
  final String vhost = "it-ingestor-" + UUID.randomUUID().toString().substring(0, 8);

  TestServices() throws IOException {
    RabbitMqManagement.createVhost(vhost);
    flushRedis();
  }

  String amqpUrl() {
    return RabbitMqManagement.amqpUrl(vhost);
  }

  String redisUrl() {
    return "redis://127.0.0.1:6379/" + REDIS_DB;
  }

  Connection connect() throws Exception {
    ConnectionFactory f = new ConnectionFactory();
    f.setUri(amqpUrl());
    return f.newConnection("it-reader");
  }

  /** Everything waiting in a queue, removed from it. */
  List<GetResponse> drain(String queue) throws Exception {
    List<GetResponse> got = new ArrayList<>();
    try (Connection c = connect();
        Channel ch = c.createChannel()) {
      GetResponse r;
      while ((r = ch.basicGet(queue, true)) != null) {
        got.add(r);
      }
    }
    return got;
  }

  static void flushRedis() {
    try (var jedis = new redis.clients.jedis.Jedis("127.0.0.1", 6379)) {
      jedis.select(REDIS_DB);
      jedis.flushDB();
    }
  }

  @Override
  public void close() throws IOException {
    RabbitMqManagement.deleteVhost(vhost);
    flushRedis();
  }
}
