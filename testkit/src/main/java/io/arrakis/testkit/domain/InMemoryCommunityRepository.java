package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.CommunityRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code communities}: one community per guild, as the unique {@code guild_id} enforces. */
public final class InMemoryCommunityRepository implements CommunityRepository {
  private final Map<CommunityId, CommunityConfig> rows = new LinkedHashMap<>();

  @Override
  public synchronized Optional<CommunityConfig> find(CommunityId id) {
    return Optional.ofNullable(rows.get(id));
  }

  @Override
  public synchronized Optional<CommunityConfig> findByGuild(Snowflake guildId) {
    return rows.values().stream().filter(c -> c.guildId().equals(guildId)).findFirst();
  }

  @Override
  public synchronized List<CommunityConfig> active() {
    return rows.values().stream().filter(CommunityConfig::active).toList();
  }

  @Override
  public synchronized void save(CommunityConfig config) {
    findByGuild(config.guildId())
        .filter(other -> !other.id().equals(config.id()))
        .ifPresent(
            other -> {
              throw new IllegalStateException(
                  "guild " + config.guildId() + " already belongs to community " + other.id());
            });
    rows.put(config.id(), config);
  }
}
