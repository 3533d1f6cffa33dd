package io.arrakis.domain.fakes;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.ChainSourceException;
import io.arrakis.domain.port.TokenHoldings;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A chain in memory: balances, burners, a head block, and a switch to make the source fail. */
public final class InMemoryTokenHoldings implements TokenHoldings {
  private final Map<Address, BigInteger> balances = new HashMap<>();
  private final Set<Address> burners = new HashSet<>();
  private long head = 100;
  private boolean failing;
  private int reads;

  public InMemoryTokenHoldings balance(Address address, BigInteger amount) {
    balances.put(address, amount);
    return this;
  }

  public InMemoryTokenHoldings holders(List<Holding> holdings) {
    holdings.forEach(h -> balances.put(h.address(), h.balance()));
    return this;
  }

  /** The address sends its tokens to the zero address: a burner for good. */
  public InMemoryTokenHoldings burn(Address address) {
    burners.add(address);
    return this;
  }

  public InMemoryTokenHoldings advance(long blocks) {
    head += blocks;
    return this;
  }

  public InMemoryTokenHoldings failing(boolean fail) {
    this.failing = fail;
    return this;
  }

  public int reads() {
    return reads;
  }

  @Override
  public ChainHoldings read(TokenRef token, long scanStartBlock) throws ChainSourceException {
    reads++;
    if (failing) {
      throw new ChainSourceException("all RPC endpoints failed");
    }
    List<Holding> holdings =
        balances.entrySet().stream().map(e -> new Holding(e.getKey(), e.getValue())).toList();
    return new ChainHoldings(head, holdings, burners);
  }

  @Override
  public Map<Address, BigInteger> balancesAt(TokenRef token, long block, Set<Address> addresses)
      throws ChainSourceException {
    if (failing) {
      throw new ChainSourceException("all RPC endpoints failed");
    }
    Map<Address, BigInteger> result = new HashMap<>();
    addresses.forEach(a -> result.put(a, balances.getOrDefault(a, BigInteger.ZERO)));
    return result;
  }
}
