package io.arrakis.evm;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.ChainSourceException;
import io.arrakis.domain.port.TokenHoldings;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain refresh of spec §3.1 over JSON-RPC: head block, {@code Transfer} log scan in windows
 * from the stored cursor, then {@code balanceOf} of every non-burner candidate at the head block in
 * JSON-RPC batches.
 */
final class JsonRpcTokenHoldings implements TokenHoldings {

  /** Pauses between log windows; tests pass a recorder instead of sleeping. */
  @FunctionalInterface
  interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private static final Logger log = LoggerFactory.getLogger(JsonRpcTokenHoldings.class);

  private final EvmSettings settings;
  private final RpcEndpoints endpoints;
  private final ScanStore store;
  private final Pause pause;
  private final Map<TokenRef, Object> scanLocks = new ConcurrentHashMap<>();

  JsonRpcTokenHoldings(EvmSettings settings, RpcEndpoints endpoints, ScanStore store, Pause pause) {
    this.settings = settings;
    this.endpoints = endpoints;
    this.store = store;
    this.pause = pause;
  }

  @Override
  public ChainHoldings read(TokenRef token, long scanStartBlock) throws ChainSourceException {
    checkChain(token);
    long head = headBlock();
    ScanStore.Progress progress;
    // Two syncs of communities sharing a token must not scan the same windows twice.
    synchronized (scanLocks.computeIfAbsent(token, t -> new Object())) {
      scan(token, scanStartBlock, head);
      progress = store.progress(token).orElse(new ScanStore.Progress(head, Set.of(), Set.of()));
    }
    Set<Address> toRead = new TreeSet<>(progress.candidates());
    toRead.removeAll(progress.burners());
    Map<Address, BigInteger> balances = balances(token, head, List.copyOf(toRead));
    List<Holding> holdings = new ArrayList<>();
    balances.forEach(
        (address, balance) -> {
          if (balance.signum() > 0) {
            holdings.add(new Holding(address, balance));
          }
        });
    log.info(
        "read {} on chain {} at block {}: {} candidates, {} burners, {} holders",
        token.token(),
        token.chainId(),
        head,
        progress.candidates().size(),
        progress.burners().size(),
        holdings.size());
    return new ChainHoldings(head, holdings, progress.burners());
  }

  @Override
  public Map<Address, BigInteger> balancesAt(TokenRef token, long block, Set<Address> addresses)
      throws ChainSourceException {
    checkChain(token);
    return balances(token, block, List.copyOf(new TreeSet<>(addresses)));
  }

  private void checkChain(TokenRef token) throws ChainSourceException {
    if (token.chainId() != settings.chainId()) {
      throw new ChainSourceException(
          "no RPC endpoints for chain "
              + token.chainId()
              + ": this source is configured for chain "
              + settings.chainId());
    }
  }

  private long headBlock() throws ChainSourceException {
    return endpoints.execute(
        "eth_blockNumber", rpc -> quantity(rpc.call("eth_blockNumber"), "eth_blockNumber"));
  }

  private void scan(TokenRef token, long scanStartBlock, long head) throws ChainSourceException {
    long from =
        store
            .progress(token)
            .map(p -> p.lastScannedBlock() + 1)
            .orElse(Math.max(0, scanStartBlock));
    List<BlockWindow> windows = BlockWindow.split(from, head, settings.logWindowBlocks());
    for (int i = 0; i < windows.size(); i++) {
      BlockWindow window = windows.get(i);
      if (i > 0) {
        pauseBetweenWindows();
      }
      TransferFindings findings =
          endpoints.execute(
              "eth_getLogs " + window + " of " + token.token(),
              rpc -> findings(rpc.call("eth_getLogs", filter(token, window))));
      store.commitWindow(token, window.to(), findings.burners(), findings.candidates());
      log.debug(
          "scanned {} {}: {} burners, {} candidates, {} other logs",
          token.token(),
          window,
          findings.burners().size(),
          findings.candidates().size(),
          findings.skipped());
    }
  }

  private TransferFindings findings(JsonNode logs) throws RpcException {
    try {
      return TransferFindings.of(logs, settings.burnAddresses());
    } catch (IllegalArgumentException e) {
      throw new RpcException("eth_getLogs answered malformed logs: " + e.getMessage(), false, e);
    }
  }

  private static Map<String, Object> filter(TokenRef token, BlockWindow window) {
    return Map.of(
        "address", token.token().value(),
        "fromBlock", Abi.quantity(window.from()),
        "toBlock", Abi.quantity(window.to()),
        "topics", List.of(Abi.TRANSFER_TOPIC));
  }

  private Map<Address, BigInteger> balances(TokenRef token, long block, List<Address> addresses)
      throws ChainSourceException {
    Map<Address, BigInteger> balances = new LinkedHashMap<>();
    int size = settings.balanceBatchSize();
    int batches = (addresses.size() + size - 1) / size;
    for (int b = 0; b < batches; b++) {
      List<Address> batch = addresses.subList(b * size, Math.min(addresses.size(), (b + 1) * size));
      List<JsonRpc.Call> calls = new ArrayList<>();
      for (Address owner : batch) {
        calls.add(
            new JsonRpc.Call(
                "eth_call",
                List.of(
                    Map.of("to", token.token().value(), "data", Abi.balanceOfCall(owner)),
                    Abi.quantity(block))));
      }
      List<BigInteger> values =
          endpoints.execute(
              "balanceOf batch " + (b + 1) + "/" + batches + " at block " + block,
              rpc -> decodeBalances(rpc.batch(calls)));
      for (int i = 0; i < batch.size(); i++) {
        balances.put(batch.get(i), values.get(i));
      }
    }
    return balances;
  }

  private static List<BigInteger> decodeBalances(List<JsonNode> results) throws RpcException {
    List<BigInteger> values = new ArrayList<>();
    for (JsonNode result : results) {
      try {
        values.add(Abi.decodeUint256(result.asText()));
      } catch (IllegalArgumentException e) {
        throw new RpcException("balanceOf: " + e.getMessage(), false, e);
      }
    }
    return values;
  }

  private static long quantity(JsonNode node, String method) throws RpcException {
    try {
      return Abi.parseQuantity(node.asText());
    } catch (IllegalArgumentException e) {
      throw new RpcException(method + ": " + e.getMessage(), false, e);
    }
  }

  private void pauseBetweenWindows() throws ChainSourceException {
    try {
      pause.pause(settings.windowPause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChainSourceException("log scan interrupted", e);
    }
  }
}
