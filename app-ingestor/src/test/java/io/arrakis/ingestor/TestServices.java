package io.arrakis.ingestor;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A private RabbitMQ vhost and Redis database per test class, on the machine's real services. */
final class TestServices implements AutoCloseable {
  static final int REDIS_DB = 9;
  final String vhost = "it-ingestor-" + UUID.randomUUID().toString().substring(0, 8);

  TestServices() throws IOException {
    management("PUT", "/api/vhosts/" + enc(vhost), "{}");
    management(
        "PUT",
        "/api/permissions/" + enc(vhost) + "/guest",
        "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
    flushRedis();
  }

  String amqpUrl() {
    return "amqp://guest:guest@127.0.0.1:5672/" + enc(vhost);
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
    management("DELETE", "/api/vhosts/" + enc(vhost), null);
    flushRedis();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void management(String method, String path, String body) throws IOException {
    HttpURLConnection http =
        (HttpURLConnection) URI.create("http://127.0.0.1:15672" + path).toURL().openConnection();
    http.setRequestMethod(method);
    http.setRequestProperty(
        "Authorization",
        "Basic "
            + Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8)));
    http.setRequestProperty("Content-Type", "application/json");
    if (body != null) {
      http.setDoOutput(true);
      http.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
    int status = http.getResponseCode();
    http.disconnect();
    if (status >= 300 && !(method.equals("DELETE") && status == 404)) {
      throw new IOException(method + " " + path + " -> " + status);
    }
  }
}
