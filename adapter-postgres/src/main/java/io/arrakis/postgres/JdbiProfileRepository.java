package io.arrakis.postgres;

import static io.arrakis.postgres.Sql.optInstant;
import static io.arrakis.postgres.Sql.optString;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.ProfileRepository;
import io.arrakis.domain.profile.NymPolicy;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.tiers.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@code member_profiles}; nyms are unique per community on {@code lower(nym)}. */
final class JdbiProfileRepository implements ProfileRepository {
  private static final RowMapper<Profile> ROW =
      (rs, ctx) ->
          new Profile(
              new MemberId(Sql.uuid(rs, "member_id")),
              new UserId(rs.getLong("discord_user_id")),
              rs.getString("nym"),
              optString(rs, "bio"),
              PictureType.valueOf(rs.getString("pfp_type").toUpperCase(Locale.ROOT)),
              optString(rs, "pfp_url"),
              optString(rs, "pfp_seed"),
              optString(rs, "tier").map(t -> Tier.fromId(t).orElseThrow()),
              optInstant(rs, "tier_updated_at"),
              Sql.instant(rs, "created_at"),
              optInstant(rs, "nym_last_changed_at"),
              rs.getBoolean("is_former_naib"),
              rs.getBoolean("is_active"),
              optInstant(rs, "left_at"));
  private final Session session;

  JdbiProfileRepository(Session session) {
    this.session = session;
  }

  @Override
  public List<Profile> all(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from member_profiles where community_id = :c"
                        + " order by created_at, member_id")
                .bind("c", community.value())
                .map(ROW)
                .list());
  }

  @Override
  public Optional<Profile> byMember(CommunityId community, MemberId member) {
    return one(community, "member_id = :v", member.value());
  }

  @Override
  public Optional<Profile> byUser(CommunityId community, UserId user) {
    return one(community, "discord_user_id = :v", user.value());
  }

  @Override
  public Optional<Profile> byNym(CommunityId community, String nym) {
    return one(community, "lower(nym) = :v", NymPolicy.uniquenessKey(nym));
  }

  private Optional<Profile> one(CommunityId community, String condition, Object value) {
    return session.tenant(
        community,
        h ->
            h.createQuery("select * from member_profiles where community_id = :c and " + condition)
                .bind("c", community.value())
                .bind("v", value)
                .map(ROW)
                .findOne());
  }

  @Override
  public long countCreatedBefore(CommunityId community, Instant instant) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select count(*) from member_profiles where community_id = :c"
                        + " and created_at < :at")
                .bind("c", community.value())
                .bind("at", instant)
                .mapTo(Long.class)
                .one());
  }

  @Override
  public void save(CommunityId community, Profile p) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into member_profiles (member_id, community_id, discord_user_id, nym, bio,
                      pfp_type, pfp_url, pfp_seed, tier, tier_updated_at, created_at,
                      nym_last_changed_at, is_former_naib, is_active, left_at)
                    values (:member, :c, :user, :nym, :bio, :pfpType, :pfpUrl, :pfpSeed, :tier,
                      :tierAt, :created, :nymAt, :formerNaib, :active, :leftAt)
                    on conflict (member_id) do update set discord_user_id = excluded.discord_user_id,
                      nym = excluded.nym, bio = excluded.bio, pfp_type = excluded.pfp_type,
                      pfp_url = excluded.pfp_url, pfp_seed = excluded.pfp_seed,
                      tier = excluded.tier, tier_updated_at = excluded.tier_updated_at,
                      created_at = excluded.created_at,
                      nym_last_changed_at = excluded.nym_last_changed_at,
                      is_former_naib = excluded.is_former_naib, is_active = excluded.is_active,
                      left_at = excluded.left_at, updated_at = now()
                    where member_profiles.community_id = excluded.community_id
                    """)
                .bind("member", p.memberId().value())
                .bind("c", community.value())
                .bind("user", p.userId().value())
                .bind("nym", p.nym())
                .bindByType("bio", p.bio().orElse(null), String.class)
                .bind("pfpType", p.pictureType().name().toLowerCase(Locale.ROOT))
                .bindByType("pfpUrl", p.pictureUrl().orElse(null), String.class)
                .bindByType("pfpSeed", p.pictureSeed().orElse(null), String.class)
                .bindByType("tier", p.tier().map(Tier::id).orElse(null), String.class)
                .bindByType("tierAt", Sql.orNull(p.tierUpdatedAt()), Instant.class)
                .bind("created", p.createdAt())
                .bindByType("nymAt", Sql.orNull(p.nymLastChangedAt()), Instant.class)
                .bind("formerNaib", p.formerNaib())
                .bind("active", p.active())
                .bindByType("leftAt", Sql.orNull(p.leftAt()), Instant.class)
                .execute());
  }
}
