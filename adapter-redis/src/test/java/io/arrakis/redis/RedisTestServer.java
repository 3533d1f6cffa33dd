package io.arrakis.redis;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import redis.clients.jedis.JedisPooled;

/**
 * The machine's real Redis for the contract ITs: a unique key prefix per test, a way to look at the
 * raw keys, cleanup, and a "Redis" that is down.
 */
final class RedisTestServer implements AutoCloseable {
  /** Nothing listens on port 1; connections are refused at once. */
  static final URI NOWHERE = URI.create("redis://127.0.0.1:1");

  /** Short, so a test about an unreachable server fails fast if the timeout is not honoured. */
  static final Duration DOWN_TIMEOUT = Duration.ofMillis(200);

  final String prefix = "it:" + UUID.randomUUID().toString().substring(0, 8) + ":";
  final Redis redis =
      Redis.connect(RedisSettings.defaults(RedisSettings.DEFAULT_URI).withKeyPrefix(prefix));
  final JedisPooled raw = new JedisPooled("127.0.0.1", 6379);

  static Redis unreachable() {
    return Redis.connect(RedisSettings.defaults(NOWHERE).withTimeout(DOWN_TIMEOUT));
  }

  /** Sleeps past a TTL: Redis and this JVM share the machine's clock. */
  static void sleepPast(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis() + 30);
  }

  /** The TTL in ms of a key (without prefix): -2 if absent, -1 if it has none. */
  long pttl(String key) {
    return raw.pttl(prefix + key);
  }

  @Override
  public void close() {
    raw.keys(prefix + "*").forEach(raw::del);
    raw.close();
    redis.close();
  }
}
