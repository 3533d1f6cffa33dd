package io.arrakis.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Injected REST faults: added latency, 5xx answers or 429s for matching routes. */
final class Faults {
  /**
   * A fault rule. {@code route} is a route template ({@code /channels/{channel_id}/messages}), a
   * concrete path, a prefix ending in {@code *}, or {@code *} for all Discord routes. {@code
   * status} 0 means latency only. {@code remaining} &lt; 0 means unlimited.
   */
  record RestFault(
      String method,
      String route,
      int status,
      long latencyMs,
      double retryAfterSeconds,
      boolean global,
      AtomicInteger remaining) {

    boolean matches(String m, String template, String path) {
      if (method != null && !method.equalsIgnoreCase(m)) {
        return false;
      }
      if ("*".equals(route) || route.equals(template) || route.equals(path)) {
        return true;
      }
      return route.endsWith("*") && path.startsWith(route.substring(0, route.length() - 1));
    }

    ObjectNode toJson() {
      ObjectNode o = Json.obj();
      if (method != null) {
        o.put("method", method);
      }
      o.put("route", route);
      o.put("status", status);
      o.put("latency_ms", latencyMs);
      o.put("retry_after", retryAfterSeconds);
      o.put("global", global);
      o.put("remaining", remaining.get());
      return o;
    }
  }

  private final CopyOnWriteArrayList<RestFault> rest = new CopyOnWriteArrayList<>();

  void add(RestFault f) {
    rest.add(f);
  }

  void clear() {
    rest.clear();
  }

  /** The first matching fault with budget left (its budget is consumed), or null. */
  RestFault take(String method, String template, String path) {
    for (RestFault f : rest) {
      if (f.matches(method, template, path)) {
        if (f.remaining().get() < 0) {
          return f;
        }
        int left = f.remaining().getAndDecrement();
        if (left > 0) {
          return f;
        }
        f.remaining().set(0);
        rest.remove(f);
      }
    }
    return null;
  }

  ArrayNode toJson() {
    ArrayNode a = Json.arr();
    rest.forEach(f -> a.add(f.toJson()));
    return a;
  }
}
