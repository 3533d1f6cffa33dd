package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CommunityConfig;
import java.util.List;
import java.util.Optional;

/** {@code communities} (global table, read before a tenant context exists). */
public interface CommunityRepository {
  Optional<CommunityConfig> find(CommunityId id);

  Optional<CommunityConfig> findByGuild(Snowflake guildId);

  List<CommunityConfig> active();

  void save(CommunityConfig config);
}
