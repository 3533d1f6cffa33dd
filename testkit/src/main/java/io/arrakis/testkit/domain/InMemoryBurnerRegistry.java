package io.arrakis.testkit.domain;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.BurnerRegistry;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code chain_burners}: burns by token and address, the first one recorded kept (as {@code on
 * conflict do nothing}); {@link Burn} itself checks the transaction hash the table's CHECK wants.
 */
public final class InMemoryBurnerRegistry implements BurnerRegistry {
  private static final Comparator<Burn> EARLIEST_FIRST =
      Comparator.comparingLong(Burn::firstBurnBlock).thenComparing(Burn::txHash);

  private final Map<TokenRef, Map<Address, Burn>> rows = new HashMap<>();

  @Override
  public synchronized boolean isBurner(TokenRef token, Address address) {
    return rows.getOrDefault(token, Map.of()).containsKey(address);
  }

  @Override
  public synchronized Set<Address> burners(TokenRef token) {
    return Set.copyOf(rows.getOrDefault(token, Map.of()).keySet());
  }

  @Override
  public synchronized void record(TokenRef token, Set<Burn> burns) {
    List<Burn> ordered = burns.stream().sorted(EARLIEST_FIRST).toList();
    if (ordered.isEmpty()) {
      return;
    }
    Map<Address, Burn> known = rows.computeIfAbsent(token, k -> new LinkedHashMap<>());
    for (Burn burn : ordered) {
      known.putIfAbsent(burn.address(), burn);
    }
  }

  /** The burn kept for {@code address}: the first one recorded. */
  public synchronized Optional<Burn> burn(TokenRef token, Address address) {
    return Optional.ofNullable(rows.getOrDefault(token, Map.of()).get(address));
  }
}
