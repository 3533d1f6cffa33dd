package io.arrakis.testkit.domain;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.WalletLinkRepository;
import io.arrakis.domain.profile.WalletLink;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One wallet per user and one user per wallet, per community. */
public final class InMemoryWalletLinkRepository implements WalletLinkRepository {
  private final Map<CommunityId, Map<UserId, WalletLink>> rows = new HashMap<>();

  private Map<UserId, WalletLink> of(CommunityId community) {
    return rows.computeIfAbsent(community, k -> new LinkedHashMap<>());
  }

  @Override
  public synchronized List<WalletLink> all(CommunityId community) {
    return List.copyOf(of(community).values());
  }

  @Override
  public synchronized Optional<WalletLink> byUser(CommunityId community, UserId user) {
    return Optional.ofNullable(of(community).get(user));
  }

  @Override
  public synchronized Optional<WalletLink> byWallet(CommunityId community, Address wallet) {
    return of(community).values().stream().filter(l -> l.wallet().equals(wallet)).findFirst();
  }

  @Override
  public synchronized void save(CommunityId community, WalletLink link) {
    byWallet(community, link.wallet())
        .filter(other -> !other.userId().equals(link.userId()))
        .ifPresent(
            other -> {
              throw new IllegalStateException(
                  link.wallet() + " is already linked to user " + other.userId());
            });
    of(community).put(link.userId(), link);
  }
}
