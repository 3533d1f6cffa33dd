package io.arrakis.ingestor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /health} (200 or 503 with JSON diagnostics) and {@code /metrics} (Prometheus). */
final class HealthServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A health report: whether the process is healthy and the details behind it. */
  record Report(boolean healthy, Map<String, Object> details) {}

  private final HttpServer server;

  HealthServer(String host, int port, Supplier<Report> health, PrometheusMeterRegistry metrics)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 16);
    server.createContext(
        "/health",
        exchange -> {
          Report report = health.get();
          respond(
              exchange,
              report.healthy() ? 200 : 503,
              "application/json",
              JSON.writeValueAsBytes(
                  Map.of("status", report.healthy() ? "UP" : "DOWN", "details", report.details())));
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

  void start() {
    server.start();
  }

  int port() {
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
