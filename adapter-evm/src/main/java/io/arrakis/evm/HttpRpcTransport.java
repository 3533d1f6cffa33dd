package io.arrakis.evm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON-RPC over HTTP(S) with the JDK client: one POST per request or batch, with a timeout. */
final class HttpRpcTransport implements RpcTransport {

  private final HttpClient client;
  private final URI uri;
  private final Duration timeout;

  HttpRpcTransport(HttpClient client, URI uri, Duration timeout) {
    this.client = client;
    this.uri = uri;
    this.timeout = timeout;
  }

  @Override
  public String post(String body) throws RpcException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new RpcException("timed out after " + timeout.toMillis() + " ms", true, e);
    } catch (IOException e) {
      throw new RpcException("I/O error: " + describe(e), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException("interrupted", false, e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      // 429 and 5xx are worth another try; other statuses (401, 403, 404) will not get better.
      boolean retryable = status == 429 || status >= 500;
      throw new RpcException("HTTP " + status, retryable);
    }
    return response.body();
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + " " + message;
  }
}
