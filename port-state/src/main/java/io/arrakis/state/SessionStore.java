package io.arrakis.state;

import java.time.Duration;
import java.util.Optional;

/**
 * Short-lived per-user conversation state ({@code sess:{type}:{userId}}): the DM wizards, the setup
 * wizard, directory paging. The value is opaque: the caller serialises it (JSON in practice). Every
 * session has a TTL; "sliding" sessions call {@link #touch} on each step to push the expiry out.
 */
public interface SessionStore {

  /** Stores the session, replacing any existing one, expiring after {@code ttl}. */
  void put(String type, String userId, String value, Duration ttl) throws StateUnavailableException;

  /**
   * Stores the session only if none is live ("start always creates a fresh session if none
   * exists"); atomic, so of two racing starts exactly one wins.
   *
   * @return true if this call created the session
   */
  boolean putIfAbsent(String type, String userId, String value, Duration ttl)
      throws StateUnavailableException;

  /** The live session's value, without changing its expiry. */
  Optional<String> get(String type, String userId) throws StateUnavailableException;

  /**
   * The live session's value, and its expiry pushed out to {@code ttl} from now (the sliding
   * timeout); empty, and nothing created, when there is no live session.
   */
  Optional<String> touch(String type, String userId, Duration ttl) throws StateUnavailableException;

  /**
   * Ends the session.
   *
   * @return true if a live session was deleted
   */
  boolean delete(String type, String userId) throws StateUnavailableException;
}
