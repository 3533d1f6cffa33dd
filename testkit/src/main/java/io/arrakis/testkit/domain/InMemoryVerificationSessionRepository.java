package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.VerificationSession;
import io.arrakis.domain.port.VerificationSession.Status;
import io.arrakis.domain.port.VerificationSessionRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sessions by id per community; one pending session per user and unique nonces, as the table. */
public final class InMemoryVerificationSessionRepository implements VerificationSessionRepository {
  private final Map<CommunityId, Map<UUID, VerificationSession>> rows = new HashMap<>();

  private Map<UUID, VerificationSession> of(CommunityId community) {
    return rows.computeIfAbsent(community, k -> new LinkedHashMap<>());
  }

  /** Every session of the community, oldest first (for test assertions). */
  public synchronized List<VerificationSession> all(CommunityId community) {
    return List.copyOf(of(community).values());
  }

  @Override
  public synchronized Optional<VerificationSession> byId(CommunityId community, UUID id) {
    return Optional.ofNullable(of(community).get(id));
  }

  @Override
  public synchronized Optional<VerificationSession> lockById(CommunityId community, UUID id) {
    return byId(community, id);
  }

  @Override
  public synchronized Optional<VerificationSession> pending(CommunityId community, UserId user) {
    return of(community).values().stream()
        .filter(s -> s.userId().equals(user) && s.status() == Status.PENDING)
        .findFirst();
  }

  @Override
  public synchronized Optional<VerificationSession> latest(CommunityId community, UserId user) {
    return of(community).values().stream()
        .filter(s -> s.userId().equals(user))
        .max(Comparator.comparing(VerificationSession::createdAt));
  }

  @Override
  public synchronized void save(CommunityId community, VerificationSession session) {
    if (session.status() == Status.PENDING) {
      pending(community, session.userId())
          .filter(other -> !other.id().equals(session.id()))
          .ifPresent(
              other -> {
                throw new IllegalStateException(
                    "user " + session.userId() + " already has pending session " + other.id());
              });
    }
    rows.values().stream()
        .flatMap(m -> m.values().stream())
        .filter(s -> s.nonce().equals(session.nonce()) && !s.id().equals(session.id()))
        .findFirst()
        .ifPresent(
            other -> {
              throw new IllegalStateException("nonce already used by session " + other.id());
            });
    of(community).put(session.id(), session);
  }

  @Override
  public synchronized int expirePending(CommunityId community, Instant now) {
    int n = 0;
    for (VerificationSession s : List.copyOf(of(community).values())) {
      if (s.status() == Status.PENDING && !now.isBefore(s.expiresAt())) {
        of(community).put(s.id(), s.expired());
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized int deleteCreatedBefore(CommunityId community, Instant cutoff) {
    int before = of(community).size();
    of(community).values().removeIf(s -> s.createdAt().isBefore(cutoff));
    return before - of(community).size();
  }
}
