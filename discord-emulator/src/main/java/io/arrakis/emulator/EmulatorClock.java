package io.arrakis.emulator;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wall clock with an adjustable offset, so a test can make an interaction "4 seconds old" or "16
 * minutes old" without sleeping. Rate limits deliberately use the real monotonic clock instead.
 */
public final class EmulatorClock {
  private final AtomicLong offsetMillis = new AtomicLong();

  public long millis() {
    return System.currentTimeMillis() + offsetMillis.get();
  }

  public Instant now() {
    return Instant.ofEpochMilli(millis());
  }

  /** Moves the emulator's notion of time forward (protocol deadlines expire accordingly). */
  public void advance(long millis) {
    offsetMillis.addAndGet(millis);
  }

  public long offsetMillis() {
    return offsetMillis.get();
  }
}
