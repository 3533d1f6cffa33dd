package io.arrakis.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.ChainSourceException;
import io.arrakis.domain.port.TokenHoldings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP transport and the public factory against in-process HTTP servers on loopback. */
class HttpRpcTransportTest {

  private static final long CHAIN = 31337;
  private static final TokenRef TOKEN =
      new TokenRef(CHAIN, new Address("0x5fbdb2315678afecb367f032d93f642f64180aa3"));

  private final List<HttpServer> servers = new java.util.ArrayList<>();
  private final ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  private URI serve(int status, String answer, Duration delay) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          sleep(delay);
          respond(exchange, status, answer);
        });
    server.start();
    servers.add(server);
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rpc/KEY");
  }

  /** A JSON-RPC node that knows its chain id and head block, answering batches too. */
  private URI node() throws IOException {
    ScriptedChain chain = new ScriptedChain(CHAIN, 42).balance(TransferFindingsTest.address(1), 7);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          try {
            respond(exchange, 200, chain.post(body));
          } catch (RpcException e) {
            respond(exchange, 500, "");
          }
        });
    server.start();
    servers.add(server);
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void aSuccessfulPost_sendsJsonAndReturnsTheBody() throws Exception {
    URI uri = serve(200, "{\"ok\":true}", Duration.ZERO);

    String answer = new HttpRpcTransport(client, uri, Duration.ofSeconds(5)).post("{\"a\":1}");

    assertThat(answer).isEqualTo("{\"ok\":true}");
    assertThat(bodies).containsExactly("{\"a\":1}");
  }

  @Test
  void rateLimitsAndServerErrorsAreRetryable_clientErrorsAreNot() throws Exception {
    assertThatThrownBy(() -> transport(serve(429, "", Duration.ZERO)).post("{}"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessage("HTTP 429");
    assertThatThrownBy(() -> transport(serve(502, "", Duration.ZERO)).post("{}"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.retryable()).isTrue());
    assertThatThrownBy(() -> transport(serve(401, "", Duration.ZERO)).post("{}"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessage("HTTP 401");
  }

  @Test
  void aSlowEndpoint_timesOut() throws Exception {
    URI slow = serve(200, "{}", Duration.ofSeconds(2));

    assertThatThrownBy(() -> new HttpRpcTransport(client, slow, Duration.ofMillis(200)).post("{}"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessage("timed out after 200 ms");
  }

  @Test
  void aClosedPort_isARetryableIoError() throws Exception {
    URI closed = URI.create("http://127.0.0.1:" + freePort());

    assertThatThrownBy(() -> transport(closed).post("{}"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageStartingWith("I/O error: ConnectException");
  }

  @Test
  void theFactory_fallsBackFromAFailingUrlToAWorkingOne_overHttp() throws Exception {
    URI down = serve(503, "", Duration.ZERO);
    URI up = node();
    TokenHoldings holdings =
        EvmTokenHoldings.create(
            EvmSettings.builder(CHAIN, List.of(down, up))
                .retries(1)
                .retryDelay(Duration.ofMillis(10))
                .build());

    Map<Address, java.math.BigInteger> balances =
        holdings.balancesAt(
            TOKEN, 42, Set.of(TransferFindingsTest.address(1), TransferFindingsTest.address(2)));

    assertThat(balances).hasSize(2).containsValue(java.math.BigInteger.valueOf(7));
    assertThat(bodies).hasSize(2); // the failing endpoint was tried twice (one retry)
    assertThat(holdings.read(TOKEN, 0).blockNumber()).isEqualTo(42);
  }

  @Test
  void theFactory_whenEveryUrlFails_throwsAChainSourceExceptionForTheGracePeriod()
      throws Exception {
    URI down = serve(503, "", Duration.ZERO);
    URI closed = URI.create("http://127.0.0.1:" + freePort() + "/v3/SECRET");
    TokenHoldings holdings =
        EvmTokenHoldings.create(
            EvmSettings.builder(CHAIN, List.of(down, closed))
                .retries(1)
                .retryDelay(Duration.ofMillis(10))
                .requestTimeout(Duration.ofSeconds(2))
                .build(),
            ScanStore.inMemory());

    assertThatThrownBy(() -> holdings.read(TOKEN, 0))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageStartingWith("eth_blockNumber failed on every RPC endpoint of chain 31337 (2): ")
        .hasMessageContaining("/…: HTTP 503 (2 attempts); ")
        .hasMessageContaining("I/O error: ConnectException")
        .message()
        .doesNotContain("SECRET", "KEY");
  }

  private HttpRpcTransport transport(URI uri) {
    return new HttpRpcTransport(client, uri, Duration.ofSeconds(5));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
