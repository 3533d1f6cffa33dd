package io.arrakis.postgres;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.RoleRevocationRepository;
import io.arrakis.domain.roles.PendingRevocation;
import io.arrakis.domain.roles.RoleKey;
import java.util.List;

/** {@code role_revocation_pending}: keyed by (user, role); a second save keeps the first row. */
final class JdbiRoleRevocationRepository implements RoleRevocationRepository {
  private final Session session;

  JdbiRoleRevocationRepository(Session session) {
    this.session = session;
  }

  @Override
  public List<PendingRevocation> all(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from role_revocation_pending where community_id = :c"
                        + " order by pending_since, discord_user_id, role_key")
                .bind("c", community.value())
                .map(
                    (rs, ctx) ->
                        new PendingRevocation(
                            new UserId(rs.getLong("discord_user_id")),
                            RoleKey.fromKey(rs.getString("role_key")).orElseThrow(),
                            Sql.instant(rs, "pending_since")))
                .list());
  }

  @Override
  public void save(CommunityId community, PendingRevocation p) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into role_revocation_pending (community_id, discord_user_id, role_key,
                      pending_since)
                    values (:c, :u, :role, :since)
                    on conflict (community_id, discord_user_id, role_key) do nothing
                    """)
                .bind("c", community.value())
                .bind("u", p.userId().value())
                .bind("role", p.role().key())
                .bind("since", p.pendingSince())
                .execute());
  }

  @Override
  public void delete(CommunityId community, UserId user, RoleKey role) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    "delete from role_revocation_pending where community_id = :c"
                        + " and discord_user_id = :u and role_key = :role")
                .bind("c", community.value())
                .bind("u", user.value())
                .bind("role", role.key())
                .execute());
  }
}
