package io.arrakis.domain.port;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.TokenRef;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;

/**
 * Token balances read from the chain (spec §3.1), implemented over JSON-RPC in {@code adapter-evm}.
 * The adapter owns the scan cursor, burner and candidate sets and endpoint fallback; the domain
 * only sees the result.
 */
public interface TokenHoldings {

  /**
   * Refreshes the token's burners and candidates up to the head block and reads the candidates'
   * balances at that block.
   *
   * @param scanStartBlock first block of the initial scan when nothing was scanned yet
   */
  ChainHoldings read(TokenRef token, long scanStartBlock) throws ChainSourceException;

  /**
   * Balances of specific addresses at a block: used for {@code add}-override wallets that are not
   * in the raw ranking. Addresses with no balance may be omitted or mapped to zero.
   */
  Map<Address, BigInteger> balancesAt(TokenRef token, long block, Set<Address> addresses)
      throws ChainSourceException;
}
