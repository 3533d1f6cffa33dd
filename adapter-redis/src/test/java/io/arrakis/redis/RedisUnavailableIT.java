package io.arrakis.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.arrakis.state.RateLimiter.Limit;
import io.arrakis.state.StateUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Redis refusing connections, or accepting them and never answering: every store fails with a
 * StateUnavailableException within its timeout, never hangs, never throws anything else, and never
 * puts the URI's password into the message.
 */
class RedisUnavailableIT {
  /** Generous bound: the point is "does not hang", not how fast. */
  private static final Duration NEVER_HANGS = Duration.ofSeconds(10);

  private ServerSocket silent;

  @AfterEach
  void closeSilentServer() throws IOException {
    if (silent != null) {
      silent.close();
    }
  }

  private static List<Executable> everyStoreCall(Redis redis) {
    return List.of(
        () -> redis.cooldowns().tryStart("threshold", "42", Duration.ofSeconds(3)),
        () -> redis.sessions().get("onboarding:7", "42"),
        () -> redis.sessions().put("onboarding:7", "42", "{}", Duration.ofMinutes(15)),
        () -> redis.sessions().touch("onboarding:7", "42", Duration.ofMinutes(15)),
        () -> redis.rateLimiter().tryAcquire("user:42", "interactions", Limit.perSecond(5)),
        () -> redis.idempotencyClaims().claim("interaction:1", Duration.ofSeconds(30)),
        () -> redis.leases().tryAcquire("job:badge-check:p", "w1", Duration.ofSeconds(300)),
        () -> redis.gatewayCheckpoints().load(0));
  }

  private static void assertEveryCallUnavailable(Redis redis) {
    for (Executable call : everyStoreCall(redis)) {
      assertTimeoutPreemptively(
          NEVER_HANGS,
          () ->
              assertThatThrownBy(call::execute)
                  .isInstanceOf(StateUnavailableException.class)
                  .hasMessageStartingWith("Redis: cannot ")
                  .hasMessageNotContaining("s3cret"));
    }
  }

  @Test
  void givenNothingListening_thenEveryStoreFailsWithStateUnavailable() {
    URI refused = URI.create("redis://:s3cret@127.0.0.1:1/2");
    try (Redis redis =
        Redis.connect(RedisSettings.defaults(refused).withTimeout(RedisTestServer.DOWN_TIMEOUT))) {
      assertThat(redis.isReachable()).isFalse();
      assertEveryCallUnavailable(redis);
    }
  }

  @Test
  void givenAServerThatNeverAnswers_thenTheTimeoutEndsEveryCall() throws IOException {
    // accepts connections (the kernel completes the handshake) but never reads or writes
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    URI mute = URI.create("redis://127.0.0.1:" + silent.getLocalPort());
    try (Redis redis =
        Redis.connect(
            RedisSettings.defaults(mute)
                .withTimeout(RedisTestServer.DOWN_TIMEOUT)
                .withPoolSize(2))) {
      assertEveryCallUnavailable(redis);
    }
  }

  @Test
  void givenEveryPooledConnectionBusy_thenFurtherCallersFailInsteadOfWaitingForever()
      throws Exception {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    URI mute = URI.create("redis://127.0.0.1:" + silent.getLocalPort());
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try (Redis redis =
        Redis.connect(
            RedisSettings.defaults(mute)
                .withTimeout(RedisTestServer.DOWN_TIMEOUT)
                .withPoolSize(1))) {
      List<Future<Throwable>> outcomes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String user = Integer.toString(i);
        outcomes.add(
            callers.submit(
                () -> {
                  try {
                    redis.sessions().get("onboarding:7", user);
                    return null;
                  } catch (Throwable failure) {
                    return failure;
                  }
                }));
      }
      for (Future<Throwable> outcome : outcomes) {
        assertThat(outcome.get(NEVER_HANGS.toSeconds(), TimeUnit.SECONDS))
            .isInstanceOf(StateUnavailableException.class);
      }
    } finally {
      callers.shutdownNow();
    }
  }
}
