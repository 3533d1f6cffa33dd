package io.arrakis.testkit.state;

import io.arrakis.state.CooldownStore;
import io.arrakis.state.StateKeys;
import io.arrakis.state.StateUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Cooldowns in a map, expiring by the given clock; can be switched "down". */
public final class InMemoryCooldownStore extends InMemoryStateSupport implements CooldownStore {
  private final Map<String, Instant> endsAt = new HashMap<>();

  public InMemoryCooldownStore(Clock clock) {
    super(clock);
  }

  public InMemoryCooldownStore() {
    this(Clock.systemUTC());
  }

  @Override
  public synchronized Decision tryStart(String command, String userId, Duration cooldown)
      throws StateUnavailableException {
    String key = StateKeys.cooldown(command, userId);
    StateKeys.positive("cooldown", cooldown);
    check();
    Instant now = now();
    Instant end = endsAt.get(key);
    if (end != null && now.isBefore(end)) {
      return new Cooling(Duration.between(now, end));
    }
    endsAt.put(key, now.plus(cooldown));
    return new Started();
  }
}
