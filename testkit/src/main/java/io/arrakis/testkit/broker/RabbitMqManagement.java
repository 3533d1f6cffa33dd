package io.arrakis.testkit.broker;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The machine's RabbitMQ management API (guest/guest on 127.0.0.1:15672), for integration tests
 * that need a private virtual host: one per test class keeps their queues apart on one broker.
 */
public final class RabbitMqManagement {
  public static final String BASE = "http://127.0.0.1:15672";

  private RabbitMqManagement() {}

  /** Creates a vhost and gives guest every permission on it. */
  public static void createVhost(String vhost) throws IOException {
    request("PUT", "/api/vhosts/" + encode(vhost), "{}");
    request(
        "PUT",
        "/api/permissions/" + encode(vhost) + "/guest",
        "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
  }

  /** Deletes a vhost and everything in it; a missing one is fine. */
  public static void deleteVhost(String vhost) throws IOException {
    request("DELETE", "/api/vhosts/" + encode(vhost), null);
  }

  /** The AMQP URL of a vhost for guest. */
  public static String amqpUrl(String vhost) {
    return "amqp://guest:guest@127.0.0.1:5672/" + encode(vhost);
  }

  public static String encode(String vhost) {
    return URLEncoder.encode(vhost, StandardCharsets.UTF_8);
  }

  /**
   * Calls the API and returns the HTTP status; fails on an error status except a DELETE of
   * something already gone.
   */
  public static int request(String method, String path, String json) throws IOException {
    HttpURLConnection http = (HttpURLConnection) URI.create(BASE + path).toURL().openConnection();
    http.setRequestMethod(method);
    http.setRequestProperty(
        "Authorization",
        "Basic "
            + Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8)));
    http.setRequestProperty("Content-Type", "application/json");
    if (json != null) {
      http.setDoOutput(true);
      http.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
    int status = http.getResponseCode();
    http.disconnect();
    if (status >= 300 && !(method.equals("DELETE") && status == 404) && !method.equals("GET")) {
      throw new IOException(method + " " + path + " -> HTTP " + status);
    }
    return status;
  }
}
