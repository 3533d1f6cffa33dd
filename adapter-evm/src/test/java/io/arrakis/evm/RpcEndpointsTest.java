package io.arrakis.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.port.ChainSourceException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcEndpointsTest {

  private static final long CHAIN = 80094;

  private final ScriptedChain first = new ScriptedChain(CHAIN, 100);
  private final ScriptedChain second = new ScriptedChain(CHAIN, 100);

  private static EvmSettings settings(int retries) {
    return EvmSettings.builder(
            CHAIN,
            List.of(
                URI.create("https://first.example/v3/KEY"),
                URI.create("http://second.example:8545")))
        .retries(retries)
        .retryDelay(Duration.ofMillis(1))
        .unhealthyAfter(2)
        .build();
  }

  private RpcEndpoints endpoints(int retries) {
    return RpcEndpoints.of(settings(retries), List.of(first, second));
  }

  private static long head(RpcEndpoints endpoints) throws ChainSourceException {
    return endpoints.execute(
        "eth_blockNumber", rpc -> Abi.parseQuantity(rpc.call("eth_blockNumber").asText()));
  }

  @Test
  void givenHealthyEndpoints_theFirstAnswers_afterTheChainIdCheck() throws Exception {
    assertThat(head(endpoints(2))).isEqualTo(100);

    assertThat(first.methods()).containsExactly("eth_chainId", "eth_blockNumber");
    assertThat(second.requests).isEmpty();
  }

  @Test
  void theChainIdIsCheckedOncePerEndpoint() throws Exception {
    RpcEndpoints endpoints = endpoints(2);
    head(endpoints);
    head(endpoints);

    assertThat(first.methods())
        .containsExactly("eth_chainId", "eth_blockNumber", "eth_blockNumber");
  }

  @Test
  void aRetryableFailure_isRetriedOnTheSameEndpoint() throws Exception {
    first.failNext(2, new RpcException("HTTP 503", true));

    assertThat(head(endpoints(2))).isEqualTo(100);

    assertThat(first.requests).hasSize(4); // 2 failures, then eth_chainId and eth_blockNumber
    assertThat(second.requests).isEmpty();
  }

  @Test
  void whenRetriesAreExhausted_theNextEndpointAnswers() throws Exception {
    first.failNext(10, new RpcException("timed out after 30000 ms", true));

    assertThat(head(endpoints(2))).isEqualTo(100);

    assertThat(first.requests).hasSize(3);
    assertThat(second.methods()).containsExactly("eth_chainId", "eth_blockNumber");
  }

  @Test
  void aNonRetryableFailure_fallsBackAtOnce() throws Exception {
    first.failNext(10, new RpcException("HTTP 401", false));

    assertThat(head(endpoints(2))).isEqualTo(100);

    assertThat(first.requests).hasSize(1);
  }

  @Test
  void anEndpointOnTheWrongChain_isSkipped_andNeverRetried() throws Exception {
    ScriptedChain mainnet = new ScriptedChain(1, 100);
    RpcEndpoints endpoints = RpcEndpoints.of(settings(2), List.of(mainnet, second));

    assertThat(head(endpoints)).isEqualTo(100);

    assertThat(mainnet.methods()).containsExactly("eth_chainId");
  }

  @Test
  void whenEveryEndpointFails_theExceptionNamesEachEndpointAndItsError_withoutKeys() {
    first.failNext(10, new RpcException("HTTP 503", true));
    ScriptedChain mainnet = new ScriptedChain(1, 100);
    RpcEndpoints endpoints = RpcEndpoints.of(settings(1), List.of(first, mainnet));

    assertThatThrownBy(() -> head(endpoints))
        .isInstanceOf(ChainSourceException.class)
        .hasMessage(
            "eth_blockNumber failed on every RPC endpoint of chain 80094 (2): "
                + "https://first.example/…: HTTP 503 (2 attempts); "
                + "http://second.example:8545: eth_chainId is 1, configured chain is 80094");
  }

  @Test
  void anUnhealthyEndpoint_goesToTheBackOfTheLine_untilItSucceedsAgain() throws Exception {
    RpcEndpoints endpoints = endpoints(0);
    first.failNext(2, new RpcException("HTTP 503", true));
    head(endpoints); // first fails (1), second answers
    head(endpoints); // first fails (2): now unhealthy
    first.requests.clear();
    second.requests.clear();

    head(endpoints);
    assertThat(first.requests).isEmpty();
    assertThat(second.methods()).containsExactly("eth_blockNumber");

    second.failNext(1, new RpcException("HTTP 502", true));
    head(endpoints); // second fails once, the unhealthy first is tried and answers: healthy again
    second.requests.clear();
    first.requests.clear();

    head(endpoints);
    assertThat(first.methods()).containsExactly("eth_blockNumber");
    assertThat(second.requests).isEmpty();
  }

  @Test
  void anUndecodableChainId_isAnEndpointFailure() {
    RpcEndpoints endpoints =
        RpcEndpoints.of(
            settings(0),
            List.of(
                body -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"eighty\"}",
                body -> "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}"));

    assertThatThrownBy(() -> head(endpoints))
        .hasMessageContaining("eth_chainId answered eighty")
        .hasMessageContaining("eth_chainId is 1");
  }

  @Test
  void aRuntimeExceptionFromTheOperation_isAnEndpointFailure() {
    RpcEndpoints endpoints = RpcEndpoints.of(settings(2), List.of(first, second));

    assertThatThrownBy(
            () ->
                endpoints.execute(
                    "decode",
                    rpc -> {
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("unexpected answer: java.lang.IllegalStateException: boom");
    // Not retryable: one attempt per endpoint (after its chain id check).
    assertThat(first.methods()).containsExactly("eth_chainId");
  }

  @Test
  void labels_keepSchemeHostAndPortOnly() {
    assertThat(RpcEndpoints.label(URI.create("https://rpc.example/v3/abc?key=1")))
        .isEqualTo("https://rpc.example/…");
    assertThat(RpcEndpoints.label(URI.create("http://127.0.0.1:8545")))
        .isEqualTo("http://127.0.0.1:8545");
    assertThat(RpcEndpoints.label(URI.create("http://127.0.0.1:8545/")))
        .isEqualTo("http://127.0.0.1:8545");
    assertThat(RpcEndpoints.label(URI.create("http://h?apikey=2"))).isEqualTo("http://h/…");
  }
}
