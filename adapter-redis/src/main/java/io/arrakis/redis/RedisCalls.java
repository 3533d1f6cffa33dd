package io.arrakis.redis;

import io.arrakis.state.StateUnavailableException;
import java.util.List;
import java.util.function.Function;
import redis.clients.jedis.JedisPooled;

/**
 * How the stores talk to Redis: keys get the configured prefix, and every failure (connection
 * refused, timeout, no free connection in the pool, an error reply) becomes a {@link
 * StateUnavailableException} naming the operation, never a runtime exception that could crash a
 * handler. Messages carry the key and Jedis's reason, never the URI or its credentials.
 */
final class RedisCalls {
  private final JedisPooled jedis;
  private final String prefix;

  RedisCalls(JedisPooled jedis, String prefix) {
    this.jedis = jedis;
    this.prefix = prefix;
  }

  String key(String unprefixed) {
    return prefix + unprefixed;
  }

  @FunctionalInterface
  interface Call<T> {
    T run(JedisPooled jedis);
  }

  <T> T call(String what, Call<T> call) throws StateUnavailableException {
    try {
      return call.run(jedis);
    } catch (RuntimeException ex) {
      // JedisConnectionException, JedisDataException, pool exhaustion, a malformed reply: all mean
      // the state cannot be read or written now; the caller decides how to degrade.
      throw new StateUnavailableException("Redis: cannot " + what + ": " + reason(ex), ex);
    }
  }

  /**
   * Runs a Lua script (Redis runs it atomically) and reads its reply; a reply of an unexpected
   * shape also counts as the state being unavailable.
   */
  <T> T eval(
      String what, String script, List<String> keys, List<String> args, Function<Object, T> reply)
      throws StateUnavailableException {
    return call(what, jedis -> reply.apply(jedis.eval(script, keys, args)));
  }

  private static String reason(RuntimeException ex) {
    Throwable root = ex;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.length() > 200 ? message.substring(0, 200) : message;
  }

  /** Lua: the server's clock in epoch milliseconds, so every process shares one clock. */
  static final String NOW_MS =
      "local t = redis.call('TIME')\n"
          + "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n";
}
