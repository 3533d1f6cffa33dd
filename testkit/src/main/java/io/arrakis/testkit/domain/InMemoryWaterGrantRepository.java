package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.WaterGrantRepository;
import io.arrakis.domain.water.WaterGrant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Water-sharer grants by id. */
public final class InMemoryWaterGrantRepository implements WaterGrantRepository {
  private final Map<CommunityId, Map<UUID, WaterGrant>> rows = new HashMap<>();

  @Override
  public synchronized List<WaterGrant> all(CommunityId community) {
    return List.copyOf(rows.getOrDefault(community, Map.of()).values());
  }

  @Override
  public synchronized void save(CommunityId community, WaterGrant grant) {
    rows.computeIfAbsent(community, k -> new LinkedHashMap<>()).put(grant.id(), grant);
  }
}
