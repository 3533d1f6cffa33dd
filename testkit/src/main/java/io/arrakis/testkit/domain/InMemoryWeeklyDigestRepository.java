package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.WeeklyDigestRepository;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Digests per community keyed by week id, unique like the table. */
public final class InMemoryWeeklyDigestRepository implements WeeklyDigestRepository {
  private final Map<CommunityId, Map<String, WeeklyDigest>> rows = new HashMap<>();

  /** Every digest of the community (for test assertions). */
  public synchronized List<WeeklyDigest> all(CommunityId community) {
    return List.copyOf(rows.getOrDefault(community, Map.of()).values());
  }

  @Override
  public synchronized Optional<WeeklyDigest> find(CommunityId community, String weekId) {
    return Optional.ofNullable(rows.getOrDefault(community, Map.of()).get(weekId));
  }

  @Override
  public synchronized boolean insertIfAbsent(CommunityId community, WeeklyDigest digest) {
    return rows.computeIfAbsent(community, k -> new LinkedHashMap<>())
            .putIfAbsent(digest.weekId(), digest)
        == null;
  }
}
