package io.arrakis.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What happened, for assertions and the control API. All methods are thread-safe. */
public final class Counters {
  private static final long INVALID_WINDOW_MS = 10 * 60 * 1000L;

  private final ConcurrentHashMap<Integer, LongAdder> dispatchedPerShard =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> named = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Integer, LongAdder> closeCodes = new ConcurrentHashMap<>();
  private final ArrayDeque<Long> invalidRequests = new ArrayDeque<>();
  private final LongAdder invalidRequestsTotal = new LongAdder();

  void dispatched(int shard) {
    dispatchedPerShard.computeIfAbsent(shard, k -> new LongAdder()).increment();
  }

  void inc(String name) {
    named.computeIfAbsent(name, k -> new LongAdder()).increment();
  }

  void add(String name, long n) {
    named.computeIfAbsent(name, k -> new LongAdder()).add(n);
  }

  void closed(int code) {
    closeCodes.computeIfAbsent(code, k -> new LongAdder()).increment();
  }

  /** Discord counts 401, 403 and 429 responses per 10 minutes (and bans IPs above 10,000). */
  void invalidRequest() {
    invalidRequestsTotal.increment();
    long now = System.currentTimeMillis();
    synchronized (invalidRequests) {
      invalidRequests.addLast(now);
      prune(now);
    }
  }

  private void prune(long now) {
    while (!invalidRequests.isEmpty() && invalidRequests.peekFirst() < now - INVALID_WINDOW_MS) {
      invalidRequests.pollFirst();
    }
  }

  /** Dispatches (including READY, GUILD_CREATE and replays) sent on a shard. */
  public long dispatchedOnShard(int shard) {
    LongAdder a = dispatchedPerShard.get(shard);
    return a == null ? 0 : a.sum();
  }

  public long get(String name) {
    LongAdder a = named.get(name);
    return a == null ? 0 : a.sum();
  }

  public long closesWith(int code) {
    LongAdder a = closeCodes.get(code);
    return a == null ? 0 : a.sum();
  }

  public long invalidRequestsLast10Minutes() {
    synchronized (invalidRequests) {
      prune(System.currentTimeMillis());
      return invalidRequests.size();
    }
  }

  public long invalidRequestsTotal() {
    return invalidRequestsTotal.sum();
  }

  ObjectNode toJson() {
    ObjectNode o = Json.obj();
    ObjectNode shards = o.putObject("dispatched_per_shard");
    new TreeMap<>(dispatchedPerShard).forEach((k, v) -> shards.put(k.toString(), v.sum()));
    ObjectNode n = o.putObject("counters");
    Map<String, LongAdder> sorted = new TreeMap<>(named);
    sorted.forEach((k, v) -> n.put(k, v.sum()));
    ObjectNode c = o.putObject("gateway_close_codes");
    new TreeMap<>(closeCodes).forEach((k, v) -> c.put(k.toString(), v.sum()));
    o.put("rest_429", get("rest.429"));
    o.put("invalid_requests_10min", invalidRequestsLast10Minutes());
    o.put("invalid_requests_total", invalidRequestsTotal());
    return o;
  }
}
