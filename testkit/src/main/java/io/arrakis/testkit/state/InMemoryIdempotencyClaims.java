package io.arrakis.testkit.state;

import io.arrakis.state.IdempotencyClaims;
import io.arrakis.state.StateKeys;
import io.arrakis.state.StateUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Claims in a map, expiring by the given clock; can be switched "down". */
public final class InMemoryIdempotencyClaims extends InMemoryStateSupport
    implements IdempotencyClaims {
  private static final String DONE = "done";

  // value: the holding claim's token, or DONE
  private final Map<String, Expiring<String>> claims = new HashMap<>();

  public InMemoryIdempotencyClaims(Clock clock) {
    super(clock);
  }

  public InMemoryIdempotencyClaims() {
    this(Clock.systemUTC());
  }

  private String live(String key) {
    Expiring<String> entry = claims.get(key);
    if (entry == null || !entry.liveAt(now())) {
      claims.remove(key);
      return null;
    }
    return entry.value();
  }

  @Override
  public synchronized Outcome claim(String eventKey, Duration ttl)
      throws StateUnavailableException {
    String key = StateKeys.claim(eventKey);
    StateKeys.positive("ttl", ttl);
    check();
    String current = live(key);
    if (DONE.equals(current)) {
      return new AlreadyDone();
    }
    if (current != null) {
      return new InProgress();
    }
    String token = UUID.randomUUID().toString();
    claims.put(key, new Expiring<>(token, now().plus(ttl)));
    return new Claimed(new Claim(eventKey, token));
  }

  @Override
  public synchronized void markDone(Claim claim, Duration keepFor)
      throws StateUnavailableException {
    Objects.requireNonNull(claim, "claim");
    StateKeys.positive("keepFor", keepFor);
    check();
    claims.put(StateKeys.claim(claim.eventKey()), new Expiring<>(DONE, now().plus(keepFor)));
  }

  @Override
  public synchronized boolean release(Claim claim) throws StateUnavailableException {
    Objects.requireNonNull(claim, "claim");
    check();
    String key = StateKeys.claim(claim.eventKey());
    if (claim.token().equals(live(key))) {
      claims.remove(key);
      return true;
    }
    return false;
  }
}
