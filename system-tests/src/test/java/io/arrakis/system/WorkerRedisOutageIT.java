package io.arrakis.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrakis.emulator.InteractionRef;
import io.arrakis.worker.DemoCommunity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The worker's Redis (a private redis-server, so the machine's is untouched) stops for 10 s. Spec
 * §20: cooldowns and rate limits fail open, idempotency claims are skipped (Discord's one-callback
 * rule keeps answers single), so the four commands — none needs a session — keep answering; nothing
 * crashes; /health says DEGRADED and comes back UP with Redis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerRedisOutageIT {
  private static final int REDIS_DB = 13;

  private PrivateRedis redis;
  private SietchSystem sys;

  @BeforeAll
  void start() throws Exception {
    redis = PrivateRedis.start("wredis-redis");
    sys = SietchSystem.start("wredis", REDIS_DB, redis.url());
    assertThat(sys.registerCommands().exitCode()).isZero();
  }

  @AfterAll
  void stop() throws Exception {
    if (sys != null) {
      sys.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void commandsKeepBeingAnsweredWhileRedisIsDownAndHealthSaysDegradedUntilItIsBack()
      throws Exception {
    AppProcess worker = sys.startWorker("wredis-worker");
    assertThat(status(worker)).isEqualTo("UP");

    redis.stop();
    long outageEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<InteractionRef> duringOutage = new ArrayList<>();
    boolean sawDegraded = false;
    int i = 0;
    while (System.nanoTime() < outageEnds) {
      long user = sys.members.get(i % sys.members.size());
      duringOutage.add(
          i % 2 == 0
              ? sys.command(user, "threshold", null, Map.of())
              : sys.command(
                  user,
                  "check-eligibility",
                  null,
                  Map.of("wallet", DemoCommunity.wallet(5).value())));
      i++;
      JsonNode health = SietchSystem.JSON.readTree(worker.health().body());
      if (health.path("status").asText().equals("DEGRADED")) {
        sawDegraded = true;
        assertThat(worker.health().statusCode()).isEqualTo(200);
        assertThat(health.path("details").path("redis_reachable").asBoolean()).isFalse();
      }
      Thread.sleep(500);
    }
    for (InteractionRef ref : duringOutage) {
      JsonNode c = sys.awaitConversation(ref, SietchSystem::answered, Duration.ofSeconds(10));
      assertThat(SietchSystem.acceptedCallbacks(c)).isEqualTo(1);
      assertThat(SietchSystem.message(c).path("embeds").size())
          .as("a real answer, not an error: " + c)
          .isEqualTo(1);
    }
    assertThat(sawDegraded).as("/health said DEGRADED during the outage").isTrue();
    assertThat(worker.metric("arrakis_worker_interactions_unclaimed_total", ""))
        .isGreaterThanOrEqualTo(duringOutage.size());

    redis.restart();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!status(worker).equals("UP") && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(status(worker)).as("health recovers with Redis").isEqualTo("UP");
    InteractionRef after = sys.command(sys.members.get(0), "position", null, Map.of());
    JsonNode c = sys.awaitConversation(after, SietchSystem::answered, Duration.ofSeconds(10));
    assertThat(SietchSystem.message(c).path("embeds").get(0).path("title").asText())
        .isEqualTo("Your Position");
    sys.assertWorkersAlive();
  }

  private static String status(AppProcess worker) throws Exception {
    return SietchSystem.JSON.readTree(worker.health().body()).path("status").asText();
  }
}
