package io.arrakis.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one small HTTP port each app serves (architecture §6): {@code /health} (JSON, 200 while UP or
 * DEGRADED, 503 when DOWN) and {@code /metrics} (Prometheus text). The JDK's server: two endpoints
 * do not justify a web framework in a memory-bounded process.
 */
public final class OpsServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;

  public OpsServer(String host, int port, Supplier<Health> health, PrometheusMeterRegistry metrics)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 16);
    server.createContext(
        "/health",
        exchange -> {
          Health report = health.get();
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("status", report.status().name());
          body.put("details", report.details());
          respond(
              exchange,
              report.status() == Health.Status.DOWN ? 503 : 200,
              "application/json",
              JSON.writeValueAsBytes(body));
        });
    server.createContext(
        "/metrics",
        exchange ->
            respond(
                exchange,
                200,
                "text/plain; version=0.0.4; charset=utf-8",
                metrics.scrape().getBytes(StandardCharsets.UTF_8)));
    server.setExecutor(null);
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
