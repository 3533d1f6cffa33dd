package io.arrakis.postgres;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.port.WaterGrantRepository;
import io.arrakis.domain.water.WaterGrant;
import java.time.Instant;
import java.util.List;

/** {@code water_sharer_grants}. */
final class JdbiWaterGrantRepository implements WaterGrantRepository {
  private final Session session;

  JdbiWaterGrantRepository(Session session) {
    this.session = session;
  }

  @Override
  public List<WaterGrant> all(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from water_sharer_grants where community_id = :c"
                        + " order by granted_at, id")
                .bind("c", community.value())
                .map(
                    (rs, ctx) ->
                        new WaterGrant(
                            Sql.uuid(rs, "id"),
                            new MemberId(Sql.uuid(rs, "granter_member_id")),
                            new MemberId(Sql.uuid(rs, "recipient_member_id")),
                            Sql.instant(rs, "granted_at"),
                            Sql.optInstant(rs, "revoked_at"),
                            Sql.optString(rs, "revoked_by")))
                .list());
  }

  @Override
  public void save(CommunityId community, WaterGrant g) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into water_sharer_grants (id, community_id, granter_member_id,
                      recipient_member_id, granted_at, revoked_at, revoked_by)
                    values (:id, :c, :granter, :recipient, :at, :revokedAt, :revokedBy)
                    on conflict (id) do update set granter_member_id = excluded.granter_member_id,
                      recipient_member_id = excluded.recipient_member_id,
                      granted_at = excluded.granted_at, revoked_at = excluded.revoked_at,
                      revoked_by = excluded.revoked_by
                    """)
                .bind("id", g.id())
                .bind("c", community.value())
                .bind("granter", g.granter().value())
                .bind("recipient", g.recipient().value())
                .bind("at", g.grantedAt())
                .bindByType("revokedAt", Sql.orNull(g.revokedAt()), Instant.class)
                .bindByType("revokedBy", g.revokedBy().orElse(null), String.class)
                .execute());
  }
}
