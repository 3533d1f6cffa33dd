package io.arrakis.testkit.domain;

import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.port.ActivityRepository;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Activity balances by member. */
public final class InMemoryActivityRepository implements ActivityRepository {
  private final Map<CommunityId, Map<MemberId, ActivityBalance>> rows = new HashMap<>();

  @Override
  public synchronized Optional<ActivityBalance> find(CommunityId community, MemberId member) {
    return Optional.ofNullable(rows.getOrDefault(community, Map.of()).get(member));
  }

  @Override
  public synchronized List<ActivityBalance> all(CommunityId community) {
    return List.copyOf(rows.getOrDefault(community, Map.of()).values());
  }

  @Override
  public synchronized void save(CommunityId community, ActivityBalance balance) {
    rows.computeIfAbsent(community, k -> new LinkedHashMap<>()).put(balance.memberId(), balance);
  }
}
