package io.arrakis.state;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-user cooldowns ({@code cd:{command}:{userId}}): the first invocation starts the cooldown, any
 * further one inside it is refused with the time left. Also serves set-if-absent anti-spam markers
 * such as {@code cd:activity-msg:{communityId}:{userId}} (the community id goes into the command
 * segment).
 */
public interface CooldownStore {

  /**
   * Starts the cooldown unless one is running. Atomic: of two simultaneous invocations exactly one
   * is {@link Started}. A refused invocation does not extend the running cooldown.
   */
  Decision tryStart(String command, String userId, Duration cooldown)
      throws StateUnavailableException;

  /** The outcome of {@link #tryStart}. */
  sealed interface Decision permits Started, Cooling {}

  /** No cooldown was running; one now runs for the requested duration. */
  record Started() implements Decision {}

  /** A cooldown is running and ends after {@code remaining} (positive). */
  record Cooling(Duration remaining) implements Decision {
    public Cooling {
      Objects.requireNonNull(remaining, "remaining");
      if (remaining.isNegative() || remaining.isZero()) {
        throw new IllegalArgumentException("remaining must be positive: " + remaining);
      }
    }
  }
}
