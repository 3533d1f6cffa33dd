package io.arrakis.domain.sync;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.ChainHoldings;
import java.math.BigInteger;
import java.util.Map;

/** The result of asking the chain source: holdings, or a failure that starts grace. */
public sealed interface ChainRead {

  /**
   * @param headBalances head-block balances of {@code add}-override wallets missing from the raw
   *     ranking
   */
  record Read(ChainHoldings holdings, Map<Address, BigInteger> headBalances) implements ChainRead {
    public Read {
      headBalances = Map.copyOf(headBalances);
    }
  }

  record Failed(String error) implements ChainRead {}
}
