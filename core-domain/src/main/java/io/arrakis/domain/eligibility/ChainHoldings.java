package io.arrakis.domain.eligibility;

import io.arrakis.domain.common.Address;
import java.util.List;
import java.util.Set;

/**
 * What the chain refresh (spec §3.1) read at one head block: the balances of the candidates and
 * every address that ever burned the token. The adapter may include burners or zero balances; the
 * domain excludes them anyway.
 */
public record ChainHoldings(long blockNumber, List<Holding> balances, Set<Address> burners) {
  public ChainHoldings {
    balances = List.copyOf(balances);
    burners = Set.copyOf(burners);
  }

  public boolean isBurner(Address address) {
    return burners.contains(address);
  }
}
