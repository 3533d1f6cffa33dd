package io.arrakis.postgres;

import static io.arrakis.postgres.Sql.optString;

import io.arrakis.domain.badges.BadgeCategory;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.CriteriaType;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.port.BadgeRepository;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@code badges} (the community's catalogue) and {@code member_badges}. */
final class JdbiBadgeRepository implements BadgeRepository {
  private static final RowMapper<BadgeDefinition> DEFINITION =
      (rs, ctx) ->
          new BadgeDefinition(
              rs.getString("badge_id"),
              rs.getString("name"),
              rs.getString("description"),
              BadgeCategory.valueOf(rs.getString("category").toUpperCase(Locale.ROOT)),
              rs.getString("emoji"),
              optString(rs, "criteria_type")
                  .map(t -> CriteriaType.valueOf(t.toUpperCase(Locale.ROOT))),
              optString(rs, "criteria_value"),
              rs.getInt("display_order"));
  private static final RowMapper<MemberBadge> BADGE =
      (rs, ctx) -> {
        Optional<Instant> revokedAt = Sql.optInstant(rs, "revoked_at");
        Optional<MemberBadge.Revocation> revocation = Optional.empty();
        if (revokedAt.isPresent()) {
          revocation =
              Optional.of(new MemberBadge.Revocation(revokedAt.get(), rs.getString("revoked_by")));
        }
        return new MemberBadge(
            Sql.uuid(rs, "id"),
            new MemberId(Sql.uuid(rs, "member_id")),
            rs.getString("badge_id"),
            Sql.instant(rs, "awarded_at"),
            optString(rs, "awarded_by"),
            optString(rs, "award_reason"),
            revocation);
      };
  private final Session session;

  JdbiBadgeRepository(Session session) {
    this.session = session;
  }

  @Override
  public List<BadgeDefinition> catalogue(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from badges where community_id = :c order by display_order, badge_id")
                .bind("c", community.value())
                .map(DEFINITION)
                .list());
  }

  @Override
  public void saveDefinition(CommunityId community, BadgeDefinition d) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into badges (community_id, badge_id, name, description, category, emoji,
                      criteria_type, criteria_value, display_order)
                    values (:c, :id, :name, :description, :category, :emoji, :criteria, :value,
                      :order)
                    on conflict (community_id, badge_id) do update set name = excluded.name,
                      description = excluded.description, category = excluded.category,
                      emoji = excluded.emoji, criteria_type = excluded.criteria_type,
                      criteria_value = excluded.criteria_value,
                      display_order = excluded.display_order
                    """)
                .bind("c", community.value())
                .bind("id", d.id())
                .bind("name", d.name())
                .bind("description", d.description())
                .bind("category", d.category().name().toLowerCase(Locale.ROOT))
                .bind("emoji", d.emoji())
                .bindByType(
                    "criteria",
                    d.criteria().map(t -> t.name().toLowerCase(Locale.ROOT)).orElse(null),
                    String.class)
                .bindByType("value", d.criteriaValue().orElse(null), String.class)
                .bind("order", d.displayOrder())
                .execute());
  }

  @Override
  public List<MemberBadge> all(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from member_badges where community_id = :c order by awarded_at, id")
                .bind("c", community.value())
                .map(BADGE)
                .list());
  }

  @Override
  public List<MemberBadge> ofMember(CommunityId community, MemberId member) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from member_badges where community_id = :c and member_id = :m"
                        + " order by awarded_at, id")
                .bind("c", community.value())
                .bind("m", member.value())
                .map(BADGE)
                .list());
  }

  @Override
  public void save(CommunityId community, MemberBadge b) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into member_badges (id, community_id, member_id, badge_id, awarded_at,
                      awarded_by, award_reason, revoked, revoked_at, revoked_by)
                    values (:id, :c, :member, :badge, :awardedAt, :awardedBy, :reason, :revoked,
                      :revokedAt, :revokedBy)
                    on conflict (id) do update set member_id = excluded.member_id,
                      badge_id = excluded.badge_id, awarded_at = excluded.awarded_at,
                      awarded_by = excluded.awarded_by, award_reason = excluded.award_reason,
                      revoked = excluded.revoked, revoked_at = excluded.revoked_at,
                      revoked_by = excluded.revoked_by
                    """)
                .bind("id", b.id())
                .bind("c", community.value())
                .bind("member", b.memberId().value())
                .bind("badge", b.badgeId())
                .bind("awardedAt", b.awardedAt())
                .bindByType("awardedBy", b.awardedBy().orElse(null), String.class)
                .bindByType("reason", b.reason().orElse(null), String.class)
                .bind("revoked", b.revocation().isPresent())
                .bindByType(
                    "revokedAt",
                    b.revocation().map(MemberBadge.Revocation::revokedAt).orElse(null),
                    Instant.class)
                .bindByType(
                    "revokedBy",
                    b.revocation().map(MemberBadge.Revocation::revokedBy).orElse(null),
                    String.class)
                .execute());
  }
}
