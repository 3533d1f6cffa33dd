package io.arrakis.redis;

import io.arrakis.state.CooldownStore;
import io.arrakis.state.GatewayCheckpointStore;
import io.arrakis.state.IdempotencyClaims;
import io.arrakis.state.Leases;
import io.arrakis.state.RateLimiter;
import io.arrakis.state.SessionStore;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** The adapter's entry point: one pooled Jedis client and the stores built on it. */
public final class Redis implements AutoCloseable {
  private final RedisSettings settings;
  private final JedisPooled jedis;

  private Redis(RedisSettings settings, JedisPooled jedis) {
    this.settings = settings;
    this.jedis = jedis;
  }

  /** Creates the pool; no connection is made until the first command. */
  public static Redis connect(RedisSettings settings) {
    var uri = settings.uri();
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis((int) settings.timeout().toMillis())
            .socketTimeoutMillis((int) settings.timeout().toMillis())
            .ssl("rediss".equals(uri.getScheme()));
    if (uri.getUserInfo() != null) {
      String[] userInfo = uri.getUserInfo().split(":", 2);
      if (userInfo.length == 2) {
        if (!userInfo[0].isEmpty()) {
          config.user(userInfo[0]);
        }
        config.password(userInfo[1]);
      } else {
        config.password(userInfo[0]);
      }
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
    if (!path.isEmpty()) {
      config.database(Integer.parseInt(path)); // redis://host:6379/2 selects database 2
    }
    int port = uri.getPort() < 0 ? 6379 : uri.getPort();
    // The pool's default is to wait forever for a free connection; a worker whose handlers all
    // wait on Redis would hang instead of degrading, so waiting is bounded by the same timeout.
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(settings.poolSize());
    pool.setMaxIdle(settings.poolSize());
    pool.setBlockWhenExhausted(true);
    pool.setMaxWait(settings.timeout());
    return new Redis(
        settings, new JedisPooled(new HostAndPort(uri.getHost(), port), config.build(), pool));
  }

  public GatewayCheckpointStore gatewayCheckpoints() {
    return new RedisGatewayCheckpointStore(jedis, settings);
  }

  /** Per-user command cooldowns and anti-spam markers, {@code cd:{command}:{userId}}. */
  public CooldownStore cooldowns() {
    return new RedisCooldownStore(new RedisCalls(jedis, settings.keyPrefix()));
  }

  /** Wizard and other per-user sessions, {@code sess:{type}:{userId}}. */
  public SessionStore sessions() {
    return new RedisSessionStore(new RedisCalls(jedis, settings.keyPrefix()));
  }

  /** Sliding-window rate limits, {@code rl:{identifier}:{endpoint}}. */
  public RateLimiter rateLimiter() {
    return new RedisRateLimiter(new RedisCalls(jedis, settings.keyPrefix()));
  }

  /** Once-only claims of event keys, {@code idem:{eventKey}}. */
  public IdempotencyClaims idempotencyClaims() {
    return new RedisIdempotencyClaims(new RedisCalls(jedis, settings.keyPrefix()));
  }

  /** Job, sync and wizard leases with fencing tokens, {@code lock:{name}}. */
  public Leases leases() {
    return new RedisLeases(new RedisCalls(jedis, settings.keyPrefix()));
  }

  /** True when Redis answers a PING. */
  public boolean isReachable() {
    try {
      return "PONG".equals(jedis.ping());
    } catch (RuntimeException ex) {
      return false;
    }
  }

  @Override
  public void close() {
    jedis.close();
  }
}
