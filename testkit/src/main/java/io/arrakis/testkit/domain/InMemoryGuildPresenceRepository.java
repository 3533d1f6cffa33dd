package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.GuildPresence;
import io.arrakis.domain.port.GuildPresenceRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Guild presence in memory, one value per community. */
public final class InMemoryGuildPresenceRepository implements GuildPresenceRepository {
  private final Map<CommunityId, GuildPresence> rows = new ConcurrentHashMap<>();

  @Override
  public Optional<GuildPresence> find(CommunityId community) {
    return Optional.ofNullable(rows.get(community));
  }

  @Override
  public void save(CommunityId community, GuildPresence presence) {
    rows.put(community, presence);
  }
}
