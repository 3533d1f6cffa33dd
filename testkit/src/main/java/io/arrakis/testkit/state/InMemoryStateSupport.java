package io.arrakis.testkit.state;

import io.arrakis.state.StateUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** What every in-memory state fake shares: the clock that drives TTLs and the "down" switch. */
abstract class InMemoryStateSupport {
  private final Clock clock;
  private volatile boolean down;

  InMemoryStateSupport(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Makes every call fail as if Redis were unreachable (or reachable again). */
  public void setDown(boolean down) {
    this.down = down;
  }

  final void check() throws StateUnavailableException {
    if (down) {
      throw new StateUnavailableException("in-memory store is down", new IllegalStateException());
    }
  }

  final Instant now() {
    return clock.instant();
  }

  /** A value with the instant it expires at (exclusive: at {@code expiresAt} it is gone). */
  record Expiring<T>(T value, Instant expiresAt) {
    boolean liveAt(Instant now) {
      return now.isBefore(expiresAt);
    }
  }
}
