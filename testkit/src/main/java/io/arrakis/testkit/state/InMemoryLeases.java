package io.arrakis.testkit.state;

import io.arrakis.state.Leases;
import io.arrakis.state.StateKeys;
import io.arrakis.state.StateUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Leases in a map, expiring by the given clock; can be switched "down". Fencing tokens follow the
 * Redis adapter's rule: the larger of the last token + 1 and the clock's epoch milliseconds.
 */
public final class InMemoryLeases extends InMemoryStateSupport implements Leases {
  private final Map<String, Expiring<Lease>> leases = new HashMap<>();
  private final Map<String, Long> lastToken = new HashMap<>();

  public InMemoryLeases(Clock clock) {
    super(clock);
  }

  public InMemoryLeases() {
    this(Clock.systemUTC());
  }

  private Expiring<Lease> live(String key) {
    Expiring<Lease> entry = leases.get(key);
    if (entry == null || !entry.liveAt(now())) {
      leases.remove(key);
      return null;
    }
    return entry;
  }

  @Override
  public synchronized Attempt tryAcquire(String name, String holder, Duration ttl)
      throws StateUnavailableException {
    String key = StateKeys.lease(name);
    StateKeys.segment("holder", holder);
    StateKeys.positive("ttl", ttl);
    check();
    Instant now = now();
    Expiring<Lease> current = live(key);
    if (current != null) {
      return new HeldByOther(current.value().holder(), Duration.between(now, current.expiresAt()));
    }
    long token = Math.max(lastToken.getOrDefault(key, 0L) + 1, now.toEpochMilli());
    lastToken.put(key, token);
    Lease lease = new Lease(name, holder, token);
    leases.put(key, new Expiring<>(lease, now.plus(ttl)));
    return new Acquired(lease);
  }

  @Override
  public synchronized boolean renew(Lease lease, Duration ttl) throws StateUnavailableException {
    Objects.requireNonNull(lease, "lease");
    StateKeys.positive("ttl", ttl);
    check();
    String key = StateKeys.lease(lease.name());
    Expiring<Lease> current = live(key);
    if (current == null || !current.value().equals(lease)) {
      return false;
    }
    leases.put(key, new Expiring<>(lease, now().plus(ttl)));
    return true;
  }

  @Override
  public synchronized boolean release(Lease lease) throws StateUnavailableException {
    Objects.requireNonNull(lease, "lease");
    check();
    String key = StateKeys.lease(lease.name());
    Expiring<Lease> current = live(key);
    if (current == null || !current.value().equals(lease)) {
      return false;
    }
    leases.remove(key);
    return true;
  }
}
