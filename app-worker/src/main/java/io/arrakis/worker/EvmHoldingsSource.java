package io.arrakis.worker;

import io.arrakis.bot.sync.TokenHoldingsSource;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.ChainSourceException;
import io.arrakis.domain.port.TokenHoldings;
import io.arrakis.evm.EvmSettings;
import io.arrakis.evm.EvmTokenHoldings;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sync's chain reads over {@code adapter-evm}, one {@link TokenHoldings} per chain, built from
 * the environment: {@code EVM_RPC_URLS_{chainId}} for a chain, else {@code EVM_RPC_URLS} (for the
 * chain {@code EVM_CHAIN_ID} names, or any chain when it is unset); the other {@code EVM_*}
 * variables of {@link EvmSettings#fromEnvironment} apply to every chain. Settings are validated at
 * start-up. The {@code chains} table is not read yet (no adapter for it). A chain without endpoints
 * gets holdings whose reads fail, so its communities record a failed sync (grace).
 *
 * <p>The scan progress lives in memory per chain (adapter-evm's default store): a restarted worker
 * rescans from each community's {@code scan_start_block}.
 */
public final class EvmHoldingsSource implements TokenHoldingsSource {
  private final Map<String, String> env;
  private final Map<Long, TokenHoldings> byChain = new ConcurrentHashMap<>();

  public EvmHoldingsSource(Map<String, String> env) {
    this.env = Map.copyOf(env);
    // fail at start-up on a bad shared configuration rather than at the first sync
    settings(env.containsKey("EVM_CHAIN_ID") ? Long.parseLong(env.get("EVM_CHAIN_ID")) : 1L);
  }

  @Override
  public TokenHoldings forChain(long chainId) {
    return byChain.computeIfAbsent(
        chainId,
        id ->
            settings(id)
                .<TokenHoldings>map(EvmTokenHoldings::create)
                .orElseGet(() -> new Unconfigured(id)));
  }

  /** The chain's settings, or empty when no endpoint is configured for it. */
  private Optional<EvmSettings> settings(long chainId) {
    String urls = env.get("EVM_RPC_URLS_" + chainId);
    if (urls == null || urls.isBlank()) {
      String shared = env.get("EVM_RPC_URLS");
      String sharedChain = env.get("EVM_CHAIN_ID");
      boolean forThisChain =
          sharedChain == null
              || sharedChain.isBlank()
              || sharedChain.strip().equals(Long.toString(chainId));
      if (shared == null || shared.isBlank() || !forThisChain) {
        return Optional.empty();
      }
      urls = shared;
    }
    Map<String, String> chainEnv = new HashMap<>(env);
    chainEnv.put("EVM_CHAIN_ID", Long.toString(chainId));
    chainEnv.put("EVM_RPC_URLS", urls);
    return Optional.of(EvmSettings.fromEnvironment(chainEnv));
  }

  /** Holdings of a chain nobody configured: every read fails with the variable to set. */
  private record Unconfigured(long chainId) implements TokenHoldings {
    @Override
    public ChainHoldings read(TokenRef token, long scanStartBlock) throws ChainSourceException {
      throw missing();
    }

    @Override
    public Map<Address, BigInteger> balancesAt(TokenRef token, long block, Set<Address> addresses)
        throws ChainSourceException {
      throw missing();
    }

    private ChainSourceException missing() {
      return new ChainSourceException(
          "no RPC endpoints configured for chain "
              + chainId
              + " (set EVM_RPC_URLS_"
              + chainId
              + " or EVM_RPC_URLS)");
    }
  }
}
