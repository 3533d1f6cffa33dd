package io.arrakis.testkit.state;

import io.arrakis.state.SessionStore;
import io.arrakis.state.StateKeys;
import io.arrakis.state.StateUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Sessions in a map, expiring by the given clock; can be switched "down". */
public final class InMemorySessionStore extends InMemoryStateSupport implements SessionStore {
  private final Map<String, Expiring<String>> sessions = new HashMap<>();

  public InMemorySessionStore(Clock clock) {
    super(clock);
  }

  public InMemorySessionStore() {
    this(Clock.systemUTC());
  }

  private Optional<Expiring<String>> live(String key) {
    Expiring<String> session = sessions.get(key);
    if (session == null || !session.liveAt(now())) {
      sessions.remove(key);
      return Optional.empty();
    }
    return Optional.of(session);
  }

  @Override
  public synchronized void put(String type, String userId, String value, Duration ttl)
      throws StateUnavailableException {
    String key = StateKeys.session(type, userId);
    Objects.requireNonNull(value, "value");
    StateKeys.positive("ttl", ttl);
    check();
    sessions.put(key, new Expiring<>(value, now().plus(ttl)));
  }

  @Override
  public synchronized boolean putIfAbsent(String type, String userId, String value, Duration ttl)
      throws StateUnavailableException {
    String key = StateKeys.session(type, userId);
    Objects.requireNonNull(value, "value");
    StateKeys.positive("ttl", ttl);
    check();
    if (live(key).isPresent()) {
      return false;
    }
    sessions.put(key, new Expiring<>(value, now().plus(ttl)));
    return true;
  }

  @Override
  public synchronized Optional<String> get(String type, String userId)
      throws StateUnavailableException {
    String key = StateKeys.session(type, userId);
    check();
    return live(key).map(Expiring::value);
  }

  @Override
  public synchronized Optional<String> touch(String type, String userId, Duration ttl)
      throws StateUnavailableException {
    String key = StateKeys.session(type, userId);
    StateKeys.positive("ttl", ttl);
    check();
    Optional<Expiring<String>> session = live(key);
    session.ifPresent(s -> sessions.put(key, new Expiring<>(s.value(), now().plus(ttl))));
    return session.map(Expiring::value);
  }

  @Override
  public synchronized boolean delete(String type, String userId) throws StateUnavailableException {
    String key = StateKeys.session(type, userId);
    check();
    boolean wasLive = live(key).isPresent();
    sessions.remove(key);
    return wasLive;
  }
}
