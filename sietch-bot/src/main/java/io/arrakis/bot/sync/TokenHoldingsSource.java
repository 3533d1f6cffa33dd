package io.arrakis.bot.sync;

import io.arrakis.domain.port.TokenHoldings;

/**
 * Where the chain reads of a community come from: one {@link TokenHoldings} per chain, built by the
 * worker over its RPC settings. A chain without endpoints gives holdings whose reads fail, so the
 * community's sync fails and enters grace rather than the job crashing.
 */
@FunctionalInterface
public interface TokenHoldingsSource {
  TokenHoldings forChain(long chainId);
}
