package io.arrakis.postgres;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.GuildMember;
import io.arrakis.domain.port.GuildMemberMirror;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@code guild_members}: role ids as a {@code bigint[]}, searched through a GIN index. */
final class JdbiGuildMemberMirror implements GuildMemberMirror {
  private static final String UPSERT =
      """
      insert into guild_members (community_id, discord_user_id, role_ids, is_bot, updated_at)
      values (:c, :u, :roles, :bot, now())
      on conflict (community_id, discord_user_id) do update set role_ids = excluded.role_ids,
        is_bot = excluded.is_bot, updated_at = excluded.updated_at
      """;

  private final Session session;

  JdbiGuildMemberMirror(Session session) {
    this.session = session;
  }

  @Override
  public boolean upsert(CommunityId community, GuildMember member) {
    // xmax = 0 only for a row this statement inserted (an update leaves the old version's id)
    return session.tenant(
        community,
        h ->
            h.createQuery(UPSERT + " returning (xmax = 0) as inserted")
                .bind("c", community.value())
                .bind("u", member.user().value())
                .bind("roles", ids(member.roleIds()))
                .bind("bot", member.bot())
                .mapTo(Boolean.class)
                .one());
  }

  @Override
  public void upsertAll(CommunityId community, Collection<GuildMember> members) {
    session.tenantDo(community, h -> batch(h, community, members));
  }

  @Override
  public void replaceAll(CommunityId community, Collection<GuildMember> members) {
    session.tenantDo(
        community,
        h -> {
          h.createUpdate("delete from guild_members where community_id = :c")
              .bind("c", community.value())
              .execute();
          batch(h, community, members);
        });
  }

  @Override
  public boolean remove(CommunityId community, UserId user) {
    return session.tenant(
            community,
            h ->
                h.createUpdate(
                        "delete from guild_members where community_id = :c"
                            + " and discord_user_id = :u")
                    .bind("c", community.value())
                    .bind("u", user.value())
                    .execute())
        > 0;
  }

  @Override
  public Optional<GuildMember> find(CommunityId community, UserId user) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from guild_members where community_id = :c"
                        + " and discord_user_id = :u")
                .bind("c", community.value())
                .bind("u", user.value())
                .map((rs, ctx) -> member(rs))
                .findOne());
  }

  @Override
  public Map<UserId, GuildMember> find(CommunityId community, Set<UserId> users) {
    if (users.isEmpty()) {
      return Map.of();
    }
    Long[] ids = users.stream().map(UserId::value).toArray(Long[]::new);
    return session.tenant(
        community,
        h ->
            h
                .createQuery(
                    "select * from guild_members where community_id = :c"
                        + " and discord_user_id = any(:users)")
                .bind("c", community.value())
                .bind("users", ids)
                .map((rs, ctx) -> member(rs))
                .list()
                .stream()
                .collect(Collectors.toMap(GuildMember::user, Function.identity())));
  }

  @Override
  public List<GuildMember> withAnyRole(CommunityId community, Set<Snowflake> roleIds) {
    if (roleIds.isEmpty()) {
      return List.of();
    }
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from guild_members where community_id = :c and role_ids && :roles"
                        + " order by discord_user_id")
                .bind("c", community.value())
                .bind("roles", ids(roleIds))
                .map((rs, ctx) -> member(rs))
                .list());
  }

  @Override
  public int count(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery("select count(*) from guild_members where community_id = :c")
                .bind("c", community.value())
                .mapTo(Integer.class)
                .one());
  }

  private static void batch(Handle h, CommunityId community, Collection<GuildMember> members) {
    if (members.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch(UPSERT);
    for (GuildMember m : members) {
      batch
          .bind("c", community.value())
          .bind("u", m.user().value())
          .bind("roles", ids(m.roleIds()))
          .bind("bot", m.bot())
          .add();
    }
    batch.execute();
  }

  private static Long[] ids(Set<Snowflake> roles) {
    return roles.stream().map(Snowflake::value).sorted().toArray(Long[]::new);
  }

  private static GuildMember member(ResultSet rs) throws SQLException {
    Set<Snowflake> roles = new HashSet<>();
    for (Long id : (Long[]) rs.getArray("role_ids").getArray()) {
      roles.add(new Snowflake(id));
    }
    return new GuildMember(
        new UserId(rs.getLong("discord_user_id")), roles, rs.getBoolean("is_bot"));
  }
}
