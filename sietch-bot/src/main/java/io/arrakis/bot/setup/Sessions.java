package io.arrakis.bot.setup;

import io.arrakis.state.SessionStore;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SessionStore} for this package's handlers, with Redis being away turned into an unchecked
 * failure: the dispatcher answers INTERNAL, which is what spec §20 asks of commands that need a
 * session or lock while Redis is unavailable.
 */
final class Sessions {
  private final SessionStore store;

  Sessions(SessionStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** Redis could not be reached: the answer is INTERNAL. */
  static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(StateUnavailableException cause) {
      super(cause.getMessage(), cause);
    }
  }

  void put(String type, String user, String value, Duration ttl) {
    try {
      store.put(type, user, value, ttl);
    } catch (StateUnavailableException ex) {
      throw new Unavailable(ex);
    }
  }

  boolean putIfAbsent(String type, String user, String value, Duration ttl) {
    try {
      return store.putIfAbsent(type, user, value, ttl);
    } catch (StateUnavailableException ex) {
      throw new Unavailable(ex);
    }
  }

  Optional<String> get(String type, String user) {
    try {
      return store.get(type, user);
    } catch (StateUnavailableException ex) {
      throw new Unavailable(ex);
    }
  }

  boolean delete(String type, String user) {
    try {
      return store.delete(type, user);
    } catch (StateUnavailableException ex) {
      throw new Unavailable(ex);
    }
  }
}
