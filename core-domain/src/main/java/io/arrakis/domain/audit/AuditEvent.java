package io.arrakis.domain.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code audit_log} row (spec §21): event type, actor (a Discord id or {@code system}) and a
 * flat payload the adapter stores as JSON. Values are strings so the domain needs no JSON library.
 */
public record AuditEvent(AuditType type, String actor, Map<String, String> payload) {
  public static final String SYSTEM = "system";

  public AuditEvent {
    payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
  }

  /** A system event with alternating key/value pairs. */
  public static AuditEvent system(AuditType type, Object... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("key/value pairs expected");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
    }
    return new AuditEvent(type, SYSTEM, map);
  }
}
