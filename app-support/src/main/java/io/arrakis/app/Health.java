package io.arrakis.app;

import java.util.Map;
import java.util.Objects;

/**
 * A health report: the status and the diagnostics behind it.
 *
 * @param status {@link Status#UP} and {@link Status#DEGRADED} answer 200 (the process serves, maybe
 *     with reduced function), {@link Status#DOWN} answers 503 (replace or wait for it)
 */
public record Health(Status status, Map<String, Object> details) {
  public Health {
    Objects.requireNonNull(status, "status");
    details = Map.copyOf(details);
  }

  /** Overall states, worst last. */
  public enum Status {
    UP,
    DEGRADED,
    DOWN
  }
}
