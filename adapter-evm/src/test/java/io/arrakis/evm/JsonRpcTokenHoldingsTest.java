package io.arrakis.evm;

import static io.arrakis.evm.TransferFindingsTest.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.ChainSourceException;
import io.arrakis.domain.port.TokenHoldings;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonRpcTokenHoldingsTest {

  private static final long CHAIN = 80094;
  private static final Address TOKEN = new Address("0x656b95e550c07a9ffe548bd4085c72418ceb1dba");
  private static final TokenRef BGT = new TokenRef(CHAIN, TOKEN);
  private static final Address A = address(0xa);
  private static final Address B = address(0xb);
  private static final Address C = address(0xc);
  private static final Address D = address(0xd);

  private final ScriptedChain chain = new ScriptedChain(CHAIN, 25_000);
  private final ScanStore store = ScanStore.inMemory();
  private final List<Duration> pauses = new ArrayList<>();

  private TokenHoldings holdings(int batchSize) {
    EvmSettings settings =
        EvmSettings.builder(CHAIN, List.of(URI.create("http://127.0.0.1:1")))
            .balanceBatchSize(batchSize)
            .retryDelay(Duration.ofMillis(1))
            .build();
    return EvmTokenHoldings.create(settings, store, List.of(chain), pauses::add);
  }

  @Test
  void read_scansFromTheStartBlockToTheHead_inWindowsOf10000_pausingBetweenThem() throws Exception {
    chain.transfer(100, Address.ZERO, A).balance(A, 50);

    holdings(100).read(BGT, 3_000);

    List<JsonNode> scans = chain.calls("eth_getLogs");
    assertThat(scans)
        .extracting(c -> c.get("params").get(0))
        .extracting(f -> f.get("fromBlock").asText() + ".." + f.get("toBlock").asText())
        .containsExactly(
            Abi.quantity(3_000) + ".." + Abi.quantity(12_999),
            Abi.quantity(13_000) + ".." + Abi.quantity(22_999),
            Abi.quantity(23_000) + ".." + Abi.quantity(25_000));
    JsonNode filter = scans.get(0).get("params").get(0);
    assertThat(filter.get("address").asText()).isEqualTo(TOKEN.value());
    assertThat(filter.get("topics").get(0).asText()).isEqualTo(Abi.TRANSFER_TOPIC);
    assertThat(pauses).containsExactly(Duration.ofMillis(200), Duration.ofMillis(200));
  }

  @Test
  void read_returnsTheHeadBlock_positiveBalancesOfNonBurners_andEveryBurner() throws Exception {
    chain
        .transfer(5_000, Address.ZERO, A)
        .transfer(5_000, Address.ZERO, B)
        .transfer(15_000, A, C)
        .transfer(15_001, C, D)
        .transfer(24_999, B, Address.ZERO)
        .balance(A, 900)
        .balance(B, 400)
        .balance(C, 0)
        .balance(D, 100);

    ChainHoldings result = holdings(100).read(BGT, 0);

    assertThat(result.blockNumber()).isEqualTo(25_000);
    assertThat(result.burners()).containsExactly(B);
    assertThat(result.balances())
        .containsExactlyInAnyOrder(
            new Holding(A, BigInteger.valueOf(900)), new Holding(D, BigInteger.valueOf(100)));
    // Balances are read at the head block, and the burner's balance is not read at all.
    List<JsonNode> balanceCalls = chain.calls("eth_call");
    assertThat(balanceCalls).hasSize(3);
    assertThat(balanceCalls)
        .allMatch(c -> c.get("params").get(1).asText().equals(Abi.quantity(25_000)))
        .allMatch(c -> c.get("params").get(0).get("to").asText().equals(TOKEN.value()))
        .noneMatch(c -> c.get("params").get(0).get("data").asText().equals(Abi.balanceOfCall(B)));
  }

  @Test
  void balances_areReadInJsonRpcBatchesOfTheConfiguredSize() throws Exception {
    for (int i = 1; i <= 7; i++) {
      chain.transfer(i, Address.ZERO, address(i)).balance(address(i), i);
    }

    ChainHoldings result = holdings(3).read(BGT, 0);

    assertThat(result.balances()).hasSize(7);
    List<Integer> batchSizes =
        chain.requests.stream()
            .filter(r -> r.isArray() || r.get("method").asText().equals("eth_call"))
            .map(r -> r.isArray() ? r.size() : 1)
            .toList();
    assertThat(batchSizes).containsExactly(3, 3, 1);
  }

  @Test
  void aSecondRead_resumesAfterTheCursor_andKeepsEarlierFindings() throws Exception {
    TokenHoldings holdings = holdings(100);
    chain.transfer(10, Address.ZERO, A).balance(A, 10);
    holdings.read(BGT, 0);
    chain.requests.clear();

    chain.head(25_010).transfer(25_005, A, B).balance(A, 4).balance(B, 6);
    ChainHoldings second = holdings.read(BGT, 0);

    assertThat(chain.calls("eth_getLogs"))
        .extracting(c -> c.get("params").get(0).get("fromBlock").asText())
        .containsExactly(Abi.quantity(25_001));
    assertThat(second.balances())
        .containsExactlyInAnyOrder(
            new Holding(A, BigInteger.valueOf(4)), new Holding(B, BigInteger.valueOf(6)));
    assertThat(store.progress(BGT).orElseThrow().lastScannedBlock()).isEqualTo(25_010);
  }

  @Test
  void aReadWithNothingNew_scansNoLogs() throws Exception {
    TokenHoldings holdings = holdings(100);
    holdings.read(BGT, 0);
    chain.requests.clear();

    ChainHoldings again = holdings.read(BGT, 0);

    assertThat(chain.calls("eth_getLogs")).isEmpty();
    assertThat(again.blockNumber()).isEqualTo(25_000);
    assertThat(again.balances()).isEmpty();
  }

  @Test
  void givenAStartBlockAfterTheHead_readScansNothing_andReportsTheHead() throws Exception {
    ChainHoldings result = holdings(100).read(BGT, 30_000);

    assertThat(chain.calls("eth_getLogs")).isEmpty();
    assertThat(result.blockNumber()).isEqualTo(25_000);
    assertThat(store.progress(BGT)).isEmpty();
  }

  @Test
  void aWindowThatFailsEverywhere_failsTheRead_butKeepsTheWindowsCommittedBeforeIt() {
    chain.transfer(100, Address.ZERO, A);
    TokenHoldings holdings = holdings(100);
    // eth_chainId, eth_blockNumber, the first window; then every request fails.
    RpcTransport failingAfterThree =
        new RpcTransport() {
          int served;

          @Override
          public String post(String body) throws RpcException {
            if (++served > 3) {
              throw new RpcException("HTTP 503", true);
            }
            return chain.post(body);
          }
        };
    TokenHoldings flaky =
        EvmTokenHoldings.create(
            EvmSettings.builder(CHAIN, List.of(URI.create("http://127.0.0.1:1")))
                .retries(1)
                .retryDelay(Duration.ofMillis(1))
                .build(),
            store,
            List.of(failingAfterThree),
            pauses::add);

    assertThatThrownBy(() -> flaky.read(BGT, 0))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageStartingWith(
            "eth_getLogs [10000..19999] of " + TOKEN + " failed on every RPC endpoint")
        .hasMessageEndingWith("http://127.0.0.1:1: HTTP 503 (2 attempts)");
    assertThat(store.progress(BGT).orElseThrow().lastScannedBlock()).isEqualTo(9_999);
    assertThat(store.progress(BGT).orElseThrow().candidates()).containsExactly(A);
    assertThat(holdings).isNotNull();
  }

  @Test
  void malformedLogsOrBalances_areEndpointFailures() {
    TokenHoldings badLogs =
        EvmTokenHoldings.create(
            EvmSettings.builder(CHAIN, List.of(URI.create("http://127.0.0.1:1")))
                .retries(0)
                .build(),
            store,
            List.of(
                body ->
                    body.contains("eth_getLogs")
                        ? "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}"
                        : chain.post(body)),
            pauses::add);

    assertThatThrownBy(() -> badLogs.read(BGT, 24_000))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("eth_getLogs answered malformed logs");
  }

  @Test
  void aTokenWithoutCode_failsWithAClearMessage() {
    TokenHoldings noCode =
        EvmTokenHoldings.create(
            EvmSettings.builder(CHAIN, List.of(URI.create("http://127.0.0.1:1")))
                .retries(0)
                .build(),
            store,
            List.of(
                body ->
                    body.contains("eth_call")
                        ? "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"0x\"}"
                        : chain.post(body)),
            pauses::add);

    assertThatThrownBy(() -> noCode.balancesAt(BGT, 10, Set.of(A)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("balanceOf: empty return data (no contract code");
  }

  @Test
  void aHeadThatIsNotAQuantity_isAnEndpointFailure() {
    TokenHoldings bad =
        EvmTokenHoldings.create(
            EvmSettings.builder(CHAIN, List.of(URI.create("http://127.0.0.1:1")))
                .retries(0)
                .build(),
            store,
            List.of(
                body ->
                    body.contains("eth_blockNumber")
                        ? "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"latest\"}"
                        : chain.post(body)),
            pauses::add);

    assertThatThrownBy(() -> bad.read(BGT, 0))
        .hasMessageContaining("eth_blockNumber: not a quantity");
  }

  @Test
  void balancesAt_readsTheGivenAddressesAtTheGivenBlock_includingZeros() throws Exception {
    chain.balance(A, 5);

    Map<Address, BigInteger> balances = holdings(100).balancesAt(BGT, 1_234, Set.of(A, C));

    assertThat(balances)
        .containsExactlyInAnyOrderEntriesOf(Map.of(A, BigInteger.valueOf(5), C, BigInteger.ZERO));
    assertThat(chain.calls("eth_call"))
        .allMatch(c -> c.get("params").get(1).asText().equals(Abi.quantity(1_234)));
    assertThat(holdings(100).balancesAt(BGT, 1, Set.of())).isEmpty();
  }

  @Test
  void aTokenOnAnotherChain_isAChainSourceFailure() {
    TokenRef mainnetToken = new TokenRef(1, TOKEN);

    assertThatThrownBy(() -> holdings(100).read(mainnetToken, 0))
        .isInstanceOf(ChainSourceException.class)
        .hasMessage("no RPC endpoints for chain 1: this source is configured for chain 80094");
    assertThatThrownBy(() -> holdings(100).balancesAt(mainnetToken, 1, Set.of(A)))
        .isInstanceOf(ChainSourceException.class);
    assertThat(chain.requests).isEmpty();
  }

  @Test
  void anInterruptedPause_failsTheRead_andKeepsTheInterruptFlag() {
    TokenHoldings interrupted =
        EvmTokenHoldings.create(
            EvmSettings.builder(CHAIN, List.of(URI.create("http://127.0.0.1:1"))).build(),
            store,
            List.of(chain),
            pause -> {
              throw new InterruptedException();
            });

    try {
      assertThatThrownBy(() -> interrupted.read(BGT, 0)).hasMessage("log scan interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
