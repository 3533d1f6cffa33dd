package io.arrakis.postgres;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.GuildPresence;
import io.arrakis.domain.port.GuildPresenceRepository;
import java.util.Optional;

/** {@code guild_presence}: one row per community. */
final class JdbiGuildPresenceRepository implements GuildPresenceRepository {
  private final Session session;

  JdbiGuildPresenceRepository(Session session) {
    this.session = session;
  }

  @Override
  public Optional<GuildPresence> find(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery("select * from guild_presence where community_id = :c")
                .bind("c", community.value())
                .map(
                    (rs, ctx) ->
                        new GuildPresence(
                            rs.getBoolean("in_guild"),
                            rs.getBoolean("active_when_left"),
                            Sql.instant(rs, "changed_at")))
                .findOne());
  }

  @Override
  public void save(CommunityId community, GuildPresence presence) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into guild_presence (community_id, in_guild, active_when_left,
                      changed_at)
                    values (:c, :in, :wasActive, :at)
                    on conflict (community_id) do update set in_guild = excluded.in_guild,
                      active_when_left = excluded.active_when_left,
                      changed_at = excluded.changed_at
                    """)
                .bind("c", community.value())
                .bind("in", presence.inGuild())
                .bind("wasActive", presence.activeWhenLeft())
                .bind("at", presence.changedAt())
                .execute());
  }
}
