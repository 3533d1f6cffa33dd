package io.arrakis.bot.setup;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.state.Leases;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one-wizard-per-community lock, the lease {@code lock:wizard:{communityId}} (spec §15.12,
 * §20). Its holder is {@code {userId}.{sessionId}}, so a refusal can say whose session holds it;
 * the session stores the lease's fencing token, so whichever worker serves the next click can
 * extend or release it.
 */
final class WizardLock {
  private final Leases leases;

  WizardLock(Leases leases) {
    this.leases = Objects.requireNonNull(leases, "leases");
  }

  /** Who holds the lock, until when. */
  record Holder(String user, String sid, Instant expires) {}

  /** The outcome of {@link #take}: the lease (its fencing token), or the session holding it. */
  sealed interface Outcome {}

  record Taken(long fencingToken) implements Outcome {}

  record Busy(Holder holder) implements Outcome {}

  static String name(CommunityId community) {
    return "wizard:" + community.value();
  }

  private static String holder(String user, String sid) {
    return user + "." + sid;
  }

  /** Takes the lock for the session if nobody holds it. */
  Outcome take(CommunityId community, String user, String sid, Duration ttl, Instant now) {
    try {
      Leases.Attempt attempt = leases.tryAcquire(name(community), holder(user, sid), ttl);
      if (attempt instanceof Leases.Acquired a) {
        return new Taken(a.lease().fencingToken());
      }
      Leases.HeldByOther other = (Leases.HeldByOther) attempt;
      return new Busy(parse(other.holder(), now.plus(other.remaining())));
    } catch (StateUnavailableException ex) {
      throw new Sessions.Unavailable(ex);
    }
  }

  /**
   * Extends the session's lease to {@code ttl}; when it was lost (it expired), takes it again if
   * nobody else did meanwhile.
   */
  Outcome extend(
      CommunityId community, String user, String sid, long token, Duration ttl, Instant now) {
    try {
      if (leases.renew(new Leases.Lease(name(community), holder(user, sid), token), ttl)) {
        return new Taken(token);
      }
    } catch (StateUnavailableException ex) {
      throw new Sessions.Unavailable(ex);
    }
    return take(community, user, sid, ttl, now);
  }

  /** Gives the session's lease up; nothing happens if it already expired or was taken over. */
  void release(CommunityId community, String user, String sid, long token) {
    try {
      leases.release(new Leases.Lease(name(community), holder(user, sid), token));
    } catch (StateUnavailableException ex) {
      throw new Sessions.Unavailable(ex);
    }
  }

  /**
   * Who holds the lock now, if anyone. Leases can only be read by trying to take them, so a free
   * lock is taken for an instant and given back at once.
   */
  Optional<Holder> holder(CommunityId community, Instant now) {
    Outcome probe = take(community, "probe", "none", Duration.ofSeconds(1), now);
    if (probe instanceof Taken t) {
      release(community, "probe", "none", t.fencingToken());
      return Optional.empty();
    }
    return Optional.of(((Busy) probe).holder());
  }

  private static Holder parse(String holder, Instant expires) {
    int dot = holder.indexOf('.');
    return dot < 0
        ? new Holder(holder, "", expires)
        : new Holder(holder.substring(0, dot), holder.substring(dot + 1), expires);
  }
}
