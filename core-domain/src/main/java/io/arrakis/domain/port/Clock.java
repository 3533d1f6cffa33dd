package io.arrakis.domain.port;

import java.time.Instant;

/**
 * The domain's notion of "now" (UTC instants). Adapters use the system clock; tests a fixed one.
 */
@FunctionalInterface
public interface Clock {
  Instant now();

  static Clock system() {
    return Instant::now;
  }

  static Clock fixed(Instant instant) {
    return () -> instant;
  }
}
