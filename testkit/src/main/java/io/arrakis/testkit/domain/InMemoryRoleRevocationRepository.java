package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.RoleRevocationRepository;
import io.arrakis.domain.roles.PendingRevocation;
import io.arrakis.domain.roles.RoleKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pending revocations keyed by (user, role); a second save keeps the first. */
public final class InMemoryRoleRevocationRepository implements RoleRevocationRepository {
  private record Key(UserId user, RoleKey role) {}

  private final Map<CommunityId, Map<Key, PendingRevocation>> rows = new HashMap<>();

  @Override
  public synchronized List<PendingRevocation> all(CommunityId community) {
    return List.copyOf(rows.getOrDefault(community, Map.of()).values());
  }

  @Override
  public synchronized void save(CommunityId community, PendingRevocation pending) {
    rows.computeIfAbsent(community, k -> new LinkedHashMap<>())
        .putIfAbsent(new Key(pending.userId(), pending.role()), pending);
  }

  @Override
  public synchronized void delete(CommunityId community, UserId user, RoleKey role) {
    rows.getOrDefault(community, new HashMap<>()).remove(new Key(user, role));
  }
}
