package io.arrakis.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.state.IdempotencyClaims;
import io.arrakis.state.Leases;
import io.arrakis.state.RateLimiter;
import io.arrakis.state.RateLimiter.Limit;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What only the real Redis can show: the spec's key names, a TTL on every key, what is counted. */
class RedisStateKeysIT {
  private final RedisTestServer server = new RedisTestServer();
  private final Redis redis = server.redis;

  @AfterEach
  void cleanUp() {
    server.close();
  }

  @Test
  void cooldownKeysHaveTheCooldownAsTtl() throws Exception {
    redis.cooldowns().tryStart("check-eligibility", "42", Duration.ofSeconds(3));
    assertThat(server.pttl("cd:check-eligibility:42")).isPositive().isLessThanOrEqualTo(3000);
    // the value is the cooldown's end in epoch ms, as the spec's Redis table says
    long endsAt = Long.parseLong(server.raw.get(server.prefix + "cd:check-eligibility:42"));
    assertThat(endsAt).isGreaterThan(System.currentTimeMillis());
  }

  @Test
  void sessionKeysAlwaysHaveTheirTtl() throws Exception {
    redis.sessions().put("onboarding:7", "42", "{}", Duration.ofMinutes(15));
    redis.sessions().putIfAbsent("wizard:7", "42", "{}", Duration.ofMinutes(15));
    redis.sessions().touch("onboarding:7", "42", Duration.ofMinutes(10));
    assertThat(server.pttl("sess:onboarding:7:42"))
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
    assertThat(server.pttl("sess:wizard:7:42")).isPositive();
  }

  @Test
  void rateLimitKeysLiveOneWindowAndCountOnlyAllowedAttempts() throws Exception {
    RateLimiter limiter = redis.rateLimiter();
    Limit threePerMinute = Limit.perMinute(3);
    for (int i = 0; i < 10; i++) {
      limiter.tryAcquire("user:42", "verify-submit", threePerMinute);
    }
    assertThat(server.raw.zcard(server.prefix + "rl:user:42:verify-submit")).isEqualTo(3);
    assertThat(server.pttl("rl:user:42:verify-submit")).isPositive().isLessThanOrEqualTo(60_000);
  }

  @Test
  void claimKeysHaveTheClaimTtlThenTheDoneTtl() throws Exception {
    IdempotencyClaims claims = redis.idempotencyClaims();
    var claimed = (IdempotencyClaims.Claimed) claims.claim("interaction:1", Duration.ofSeconds(30));
    assertThat(server.pttl("idem:interaction:1")).isPositive().isLessThanOrEqualTo(30_000);
    claims.markDone(claimed.claim(), Duration.ofHours(1));
    assertThat(server.pttl("idem:interaction:1")).isGreaterThan(30_000);
  }

  @Test
  void leaseAndFenceKeysHaveTtls() throws Exception {
    Leases leases = redis.leases();
    var acquired =
        (Leases.Acquired)
            leases.tryAcquire("job:badge-check:2025-01-01T00:00Z", "w1", Duration.ofSeconds(300));
    assertThat(server.pttl("lock:job:badge-check:2025-01-01T00:00Z"))
        .isPositive()
        .isLessThanOrEqualTo(300_000);
    assertThat(server.pttl("fence:job:badge-check:2025-01-01T00:00Z"))
        .isGreaterThan(300_000)
        .isLessThanOrEqualTo(RedisLeases.FENCE_TTL.toMillis());
    assertThat(server.raw.get(server.prefix + "lock:job:badge-check:2025-01-01T00:00Z"))
        .isEqualTo(acquired.lease().fencingToken() + ":w1");
  }

  @Test
  void givenTheFenceKeyExpired_thenTokensStillIncrease() throws Exception {
    Leases leases = redis.leases();
    var first = (Leases.Acquired) leases.tryAcquire("sync:7", "w1", Duration.ofSeconds(5));
    leases.release(first.lease());
    server.raw.del(server.prefix + "fence:sync:7"); // as if a day had passed
    Thread.sleep(2); // the clock-seeded token needs the clock to have moved on
    var second = (Leases.Acquired) leases.tryAcquire("sync:7", "w2", Duration.ofSeconds(5));
    assertThat(second.lease().fencingToken()).isGreaterThan(first.lease().fencingToken());
  }

  @Test
  void everyKeyWrittenByTheStoresHasATtl() throws Exception {
    redis.cooldowns().tryStart("position", "1", Duration.ofSeconds(3));
    redis.sessions().put("directory:7", "1", "p", Duration.ofMinutes(5));
    redis.rateLimiter().tryAcquire("guild:7", "interactions", Limit.perSecond(100));
    redis.idempotencyClaims().claim("interaction:2", Duration.ofSeconds(30));
    redis.leases().tryAcquire("wizard:7", "1", Duration.ofMinutes(15));
    var keys = server.raw.keys(server.prefix + "*");
    assertThat(keys).hasSize(6);
    assertThat(keys).allSatisfy(key -> assertThat(server.raw.pttl(key)).as(key).isPositive());
  }
}
