package io.arrakis.emulator;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discord's REST rate limits: fixed-window buckets per route and major parameter, plus the global
 * per-token limit. It also notices clients that retry a bucket before its reset after a 429 ("early
 * retries"), which a well-behaved client like JDA never does.
 */
final class RateLimiter {
  /** A bucket family: its public hash, limit and window. */
  record Spec(String hash, int limit, long windowMillis) {
    static Spec of(String name, int limit, long windowMillis) {
      return new Spec(
          String.format(Locale.ROOT, "%08x%08x", name.hashCode(), (name + "#").hashCode()),
          limit,
          windowMillis);
    }
  }

  /** The decision for one request. */
  record Decision(
      boolean allowed,
      boolean global,
      Spec spec,
      int remaining,
      long resetAfterMillis,
      boolean earlyRetry) {}

  private static final class Window {
    long resetAtNanos;
    int remaining;
    boolean limited;
  }

  private final ConcurrentHashMap<String, Window> buckets = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Window> global = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Spec> overrides = new ConcurrentHashMap<>();
  private volatile int globalLimit;

  RateLimiter(int globalLimit) {
    this.globalLimit = globalLimit;
  }

  void globalLimit(int perSecond) {
    this.globalLimit = perSecond;
  }

  /** Replaces the limit of a route family (by its name), e.g. to provoke a 429 in a test. */
  void override(String family, int limit, long windowMillis) {
    overrides.put(family, Spec.of(family, limit, windowMillis));
    buckets.keySet().removeIf(k -> k.startsWith(family + "|"));
  }

  Spec effective(String family, Spec dflt) {
    Spec o = overrides.get(family);
    return o != null ? o : dflt;
  }

  Decision acquireGlobal(String token) {
    return take(global, token, new Spec("global", globalLimit, 1000), true);
  }

  Decision acquire(String family, String majorKey, Spec spec) {
    return take(buckets, family + "|" + majorKey, spec, false);
  }

  /** Headers for a response that was not rate limited by a bucket. */
  Decision peek(String family, String majorKey, Spec spec) {
    Window w = buckets.get(family + "|" + majorKey);
    if (w == null) {
      return new Decision(true, false, spec, spec.limit(), spec.windowMillis(), false);
    }
    synchronized (w) {
      long left = Math.max(0, (w.resetAtNanos - System.nanoTime()) / 1_000_000);
      return new Decision(true, false, spec, w.remaining, left, false);
    }
  }

  private static Decision take(
      ConcurrentHashMap<String, Window> map, String key, Spec spec, boolean isGlobal) {
    Window w = map.computeIfAbsent(key, k -> new Window());
    long now = System.nanoTime();
    synchronized (w) {
      if (w.resetAtNanos == 0 || now - w.resetAtNanos >= 0) {
        w.resetAtNanos = now + spec.windowMillis() * 1_000_000L;
        w.remaining = spec.limit();
        w.limited = false;
      }
      long left = Math.max(1, (w.resetAtNanos - now) / 1_000_000);
      if (w.remaining <= 0) {
        boolean early = w.limited;
        w.limited = true;
        return new Decision(false, isGlobal, spec, 0, left, early);
      }
      w.remaining--;
      return new Decision(true, isGlobal, spec, w.remaining, left, false);
    }
  }
}
