package io.arrakis.postgres;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.VerificationSession;
import io.arrakis.domain.port.VerificationSessionRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@code verification_sessions}: upserted by id; the partial unique index allows one pending
 * session per user and the unique nonce refuses a reused one.
 */
final class JdbiVerificationSessionRepository implements VerificationSessionRepository {
  private static final RowMapper<VerificationSession> ROW =
      (rs, ctx) ->
          new VerificationSession(
              Sql.uuid(rs, "id"),
              new UserId(rs.getLong("discord_user_id")),
              rs.getString("username"),
              rs.getString("nonce"),
              rs.getString("message"),
              VerificationSession.Status.ofId(rs.getString("status")),
              rs.getInt("attempts"),
              Sql.instant(rs, "created_at"),
              Sql.instant(rs, "expires_at"),
              Sql.optInstant(rs, "completed_at"),
              Sql.optString(rs, "wallet_address").map(Address::new),
              Sql.optString(rs, "error_code"));

  private final Session session;

  JdbiVerificationSessionRepository(Session session) {
    this.session = session;
  }

  @Override
  public Optional<VerificationSession> byId(CommunityId community, UUID id) {
    return one(
        community, "select * from verification_sessions where community_id = :c and id = :id", id);
  }

  @Override
  public Optional<VerificationSession> lockById(CommunityId community, UUID id) {
    return one(
        community,
        "select * from verification_sessions where community_id = :c and id = :id for update",
        id);
  }

  private Optional<VerificationSession> one(CommunityId community, String sql, UUID id) {
    return session.tenant(
        community,
        h -> h.createQuery(sql).bind("c", community.value()).bind("id", id).map(ROW).findOne());
  }

  @Override
  public Optional<VerificationSession> pending(CommunityId community, UserId user) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from verification_sessions where community_id = :c"
                        + " and discord_user_id = :u and status = 'pending'")
                .bind("c", community.value())
                .bind("u", user.value())
                .map(ROW)
                .findOne());
  }

  @Override
  public Optional<VerificationSession> latest(CommunityId community, UserId user) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from verification_sessions where community_id = :c"
                        + " and discord_user_id = :u order by created_at desc, id limit 1")
                .bind("c", community.value())
                .bind("u", user.value())
                .map(ROW)
                .findOne());
  }

  @Override
  public void save(CommunityId community, VerificationSession s) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into verification_sessions (id, community_id, discord_user_id,
                      username, nonce, message, status, attempts, created_at, expires_at,
                      completed_at, wallet_address, error_code)
                    values (:id, :c, :u, :username, :nonce, :message, :status, :attempts,
                      :createdAt, :expiresAt, :completedAt, :wallet, :error)
                    on conflict (id) do update set status = excluded.status,
                      attempts = excluded.attempts, completed_at = excluded.completed_at,
                      wallet_address = excluded.wallet_address, error_code = excluded.error_code
                    """)
                .bind("id", s.id())
                .bind("c", community.value())
                .bind("u", s.userId().value())
                .bind("username", s.username())
                .bind("nonce", s.nonce())
                .bind("message", s.message())
                .bind("status", s.status().id())
                .bind("attempts", s.attempts())
                .bind("createdAt", s.createdAt())
                .bind("expiresAt", s.expiresAt())
                .bindByType("completedAt", Sql.orNull(s.completedAt()), Instant.class)
                .bindByType("wallet", s.wallet().map(Address::value).orElse(null), String.class)
                .bindByType("error", s.errorCode().orElse(null), String.class)
                .execute());
  }

  @Override
  public int expirePending(CommunityId community, Instant now) {
    return session.tenant(
        community,
        h ->
            h.createUpdate(
                    "update verification_sessions set status = 'expired' where community_id = :c"
                        + " and status = 'pending' and expires_at <= :now")
                .bind("c", community.value())
                .bind("now", now)
                .execute());
  }

  @Override
  public int deleteCreatedBefore(CommunityId community, Instant cutoff) {
    return session.tenant(
        community,
        h ->
            h.createUpdate(
                    "delete from verification_sessions where community_id = :c"
                        + " and created_at < :cutoff")
                .bind("c", community.value())
                .bind("cutoff", cutoff)
                .execute());
  }
}
