package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import java.util.Optional;

/** {@code guild_presence}: one row per community, written by the guild create/delete events. */
public interface GuildPresenceRepository {
  Optional<GuildPresence> find(CommunityId community);

  /** Inserts or replaces the community's row. */
  void save(CommunityId community, GuildPresence presence);
}
