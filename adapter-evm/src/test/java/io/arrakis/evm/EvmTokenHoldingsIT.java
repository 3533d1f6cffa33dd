package io.arrakis.evm;

import static io.arrakis.evm.LocalEvmNode.amount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.EligibilityRanker;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.ChainSourceException;
import io.arrakis.domain.port.TokenHoldings;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter against a real EVM node (ganache, started by the test): OpenZeppelin's ERC-20 is
 * deployed, minted, transferred and burned over more than two 10,000-block windows, and the
 * adapter's holdings, burners and the domain's raw ranking must match what the test set up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvmTokenHoldingsIT {

  private static final Logger log = LoggerFactory.getLogger(EvmTokenHoldingsIT.class);

  private LocalEvmNode node;
  private LocalEvmNode.Compiled token;
  private TokenRef tokenRef;
  private Address owner;
  private Address a1;
  private Address a2;
  private Address a3;
  private Address a4;
  private Address a5;
  private Address a6;
  private Address a8;
  private Address a9;
  private long deployBlock;
  private long firstHead;

  private final ScanStore store = ScanStore.inMemory();
  private final List<BlockWindow> scanned = new ArrayList<>();
  private TokenHoldings holdings;

  @BeforeAll
  void startNodeAndSetUpTheToken() throws Exception {
    long started = System.nanoTime();
    node = LocalEvmNode.start();
    token = node.compileToken();
    List<Address> accounts = node.accounts();
    owner = accounts.get(0);
    a1 = accounts.get(1);
    a2 = accounts.get(2);
    a3 = accounts.get(3);
    a4 = accounts.get(4);
    a5 = accounts.get(5);
    a6 = accounts.get(6);
    a8 = accounts.get(8);
    a9 = accounts.get(9);

    // Blocks before the token exists, so the scan start block matters.
    node.mine(500);
    var receipt = node.transact(owner, null, token.bytecode());
    Address contract = new Address(receipt.get("contractAddress").asText());
    deployBlock = Abi.parseQuantity(receipt.get("blockNumber").asText());
    tokenRef = new TokenRef(LocalEvmNode.CHAIN_ID, contract);

    mint(a1, 1000);
    mint(a2, 500);
    mint(a3, 500);
    mint(a4, 200);
    mint(a5, 50);
    mint(a8, 300);
    node.mine(11_000); // the next transfers land in a later 10,000-block window
    transfer(a1, a6, 100);
    burn(a4, 10); // a4 still holds 190 but burned: excluded for good
    transfer(a5, a2, 50); // a5 now holds nothing
    node.mine(9_000);
    burn(a8, 300); // burns everything it had

    // The real HTTP transport to the node, recording the eth_getLogs windows it carries.
    HttpRpcTransport http =
        new HttpRpcTransport(HttpClient.newHttpClient(), node.url(), Duration.ofSeconds(30));
    RpcTransport recording =
        body -> {
          JsonNode request;
          try {
            request = JsonRpc.MAPPER.readTree(body);
          } catch (java.io.IOException e) {
            throw new RpcException("unreadable request", false, e);
          }
          if (request.path("method").asText().equals("eth_getLogs")) {
            JsonNode filter = request.get("params").get(0);
            scanned.add(
                new BlockWindow(
                    Abi.parseQuantity(filter.get("fromBlock").asText()),
                    Abi.parseQuantity(filter.get("toBlock").asText())));
          }
          return http.post(body);
        };
    holdings =
        EvmTokenHoldings.create(
            EvmSettings.builder(LocalEvmNode.CHAIN_ID, List.of(node.url()))
                .windowPause(Duration.ZERO)
                .retryDelay(Duration.ofMillis(100))
                .build(),
            store,
            List.of(recording),
            pause -> {});
    log.info(
        "node up and token {} set up in {} ms (head {})",
        contract,
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        node.blockNumber());
  }

  @AfterAll
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  @Order(1)
  void theAbiConstantsAreTheNodesKeccakHashes() throws Exception {
    assertThat(node.keccak("Transfer(address,address,uint256)")).isEqualTo(Abi.TRANSFER_TOPIC);
    assertThat(node.keccak("balanceOf(address)")).startsWith(Abi.BALANCE_OF_SELECTOR);
    assertThat(token.selectors()).containsEntry("balanceOf(address)", "70a08231");
  }

  @Test
  @Order(2)
  void read_findsTheHoldersBalancesAndBurnersTheTestCreated_acrossSeveralWindows()
      throws Exception {
    long head = node.blockNumber();

    ChainHoldings read = holdings.read(tokenRef, deployBlock);
    firstHead = read.blockNumber();

    assertThat(read.blockNumber()).isEqualTo(head);
    assertThat(read.burners()).containsExactlyInAnyOrder(a4, a8);
    assertThat(read.balances())
        .containsExactlyInAnyOrder(
            holding(a1, 900), holding(a2, 550), holding(a3, 500), holding(a6, 100));
    // The domain's raw ranking (§3.1 step 5): balance desc; a burner never ranks.
    assertThat(EligibilityRanker.rawRanking(read))
        .extracting(Holding::address)
        .containsExactly(a1, a2, a3, a6);
    // From the deploy block to a head ~20,500 blocks later: three 10,000-block windows.
    assertThat(scanned)
        .containsExactly(
            new BlockWindow(deployBlock, deployBlock + 9_999),
            new BlockWindow(deployBlock + 10_000, deployBlock + 19_999),
            new BlockWindow(deployBlock + 20_000, head));
    assertThat(store.progress(tokenRef).orElseThrow().lastScannedBlock()).isEqualTo(head);
  }

  @Test
  @Order(3)
  void aSecondRead_scansOnlyTheNewBlocks_andSeesTheNewHolderAndBurner() throws Exception {
    mint(a9, 2000);
    burn(a6, 100);
    scanned.clear();

    ChainHoldings read = holdings.read(tokenRef, deployBlock);

    assertThat(scanned).containsExactly(new BlockWindow(firstHead + 1, read.blockNumber()));
    assertThat(read.burners()).containsExactlyInAnyOrder(a4, a8, a6);
    assertThat(EligibilityRanker.rawRanking(read))
        .containsExactly(holding(a9, 2000), holding(a1, 900), holding(a2, 550), holding(a3, 500));
  }

  @Test
  @Order(4)
  void balancesAt_readsHistoricalBalances_forOverrideWallets() throws Exception {
    Map<Address, BigInteger> atFirstHead =
        holdings.balancesAt(tokenRef, firstHead, Set.of(a1, a9, a6));

    assertThat(atFirstHead)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(a1, tokens(900), a9, BigInteger.ZERO, a6, tokens(100)));
  }

  @Test
  @Order(5)
  void aDeadFirstUrl_fallsBackToTheNode() throws Exception {
    URI dead = URI.create("http://127.0.0.1:" + freePort());
    TokenHoldings withFallback =
        EvmTokenHoldings.create(
            EvmSettings.builder(LocalEvmNode.CHAIN_ID, List.of(dead, node.url()))
                .windowPause(Duration.ZERO)
                .retries(1)
                .retryDelay(Duration.ofMillis(50))
                .build());

    ChainHoldings read = withFallback.read(tokenRef, deployBlock);

    assertThat(read.balances()).hasSize(4);
    assertThat(read.burners()).containsExactlyInAnyOrder(a4, a8, a6);
  }

  @Test
  @Order(6)
  void aNodeOnAnotherChain_failsWithAClearChainSourceException() {
    TokenRef onBerachain = new TokenRef(80094, tokenRef.token());
    TokenHoldings misconfigured =
        EvmTokenHoldings.create(EvmSettings.builder(80094, List.of(node.url())).retries(0).build());

    assertThatThrownBy(() -> misconfigured.read(onBerachain, 0))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("failed on every RPC endpoint of chain 80094")
        .hasMessageContaining("eth_chainId is 31337, configured chain is 80094");
  }

  private void mint(Address to, long tokens) throws RpcException {
    node.transact(
        owner, tokenRef.token(), token.call("mint(address,uint256)", Abi.word(to), amount(tokens)));
  }

  private void transfer(Address from, Address to, long tokens) throws RpcException {
    node.transact(
        from,
        tokenRef.token(),
        token.call("transfer(address,uint256)", Abi.word(to), amount(tokens)));
  }

  private void burn(Address from, long tokens) throws RpcException {
    node.transact(from, tokenRef.token(), token.call("burn(uint256)", amount(tokens)));
  }

  private static BigInteger tokens(long whole) {
    return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(18));
  }

  private static Holding holding(Address address, long whole) {
    return new Holding(address, tokens(whole));
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
