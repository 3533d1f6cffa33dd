package io.arrakis.state;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The key names of the spec's Redis state (§20), shared by every implementation of these ports so
 * the fakes and the adapter agree, and the checks on what callers put into them: a segment is never
 * empty and never contains spaces or wildcards, so one key cannot spill into another.
 */
public final class StateKeys {
  // ':' is allowed: the spec puts the community id into a segment ("onboarding:{communityId}").
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9:._-]{1,200}");

  private StateKeys() {}

  /** {@code cd:{command}:{userId}}. */
  public static String cooldown(String command, String userId) {
    return "cd:" + segment("command", command) + ":" + segment("userId", userId);
  }

  /** {@code sess:{type}:{userId}}. */
  public static String session(String type, String userId) {
    return "sess:" + segment("type", type) + ":" + segment("userId", userId);
  }

  /** {@code rl:{identifier}:{endpoint}}, e.g. {@code rl:user:42:verify-submit}. */
  public static String rateLimit(String identifier, String endpoint) {
    return "rl:" + segment("identifier", identifier) + ":" + segment("endpoint", endpoint);
  }

  /** {@code idem:{eventKey}}. */
  public static String claim(String eventKey) {
    return "idem:" + segment("eventKey", eventKey);
  }

  /** {@code lock:{name}}, e.g. {@code lock:job:eligibility-sync:2025-01-01T06:00Z}. */
  public static String lease(String name) {
    return "lock:" + segment("name", name);
  }

  /** {@code fence:{name}}: the last fencing token handed out for a lease name. */
  public static String fence(String name) {
    return "fence:" + segment("name", name);
  }

  /** Checks one segment of a key. */
  public static String segment(String what, String value) {
    Objects.requireNonNull(value, what);
    if (!SEGMENT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " must be 1-200 letters, digits, ':', '.', '_' or '-': '" + value + "'");
    }
    return value;
  }

  /** Checks a TTL or window: at least 1 ms, as Redis rejects zero and negative expiries. */
  public static Duration positive(String what, Duration value) {
    Objects.requireNonNull(value, what);
    if (value.toMillis() < 1) {
      throw new IllegalArgumentException(what + " must be at least 1 ms: " + value);
    }
    return value;
  }
}
