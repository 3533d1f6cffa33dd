package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code verification_sessions} (spec §7.1, §19.2): at most one pending session per (community,
 * user), nonces globally unique. Kept in PostgreSQL, not Redis: the spec lists the table and no
 * Redis key for it, and the outcome (completed, failed, cancelled) is read back later by {@code
 * /verify status}.
 */
public interface VerificationSessionRepository {

  Optional<VerificationSession> byId(CommunityId community, UUID id);

  /**
   * The session {@code id}, locked until the caller's transaction ends, so two submits of the same
   * session count their attempts one after the other.
   */
  Optional<VerificationSession> lockById(CommunityId community, UUID id);

  /** The user's session stored as pending, expired or not. */
  Optional<VerificationSession> pending(CommunityId community, UserId user);

  /** The user's most recently created session, whatever its status. */
  Optional<VerificationSession> latest(CommunityId community, UserId user);

  /**
   * Inserts or replaces (by id) a session. Refused (an unchecked exception) when it would make a
   * second pending session of the user, or reuse another session's nonce.
   */
  void save(CommunityId community, VerificationSession session);

  /** Marks the community's pending sessions past their expiry {@code expired}; returns how many. */
  int expirePending(CommunityId community, Instant now);

  /**
   * Deletes the community's sessions created before {@code cutoff}, whatever their status (the
   * expiry job keeps 30 days); returns how many.
   */
  int deleteCreatedBefore(CommunityId community, Instant cutoff);
}
