package io.arrakis.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the state contract tests share: a fresh store per test, a way to let time pass (the fakes
 * move their clock, the Redis adapter sleeps), and a helper to race callers.
 *
 * @param <S> the port under test
 */
public abstract class AbstractStateContractTest<S> {
  /** The TTL the expiry tests use: short, so real-Redis runs stay fast. */
  protected static final Duration SHORT = Duration.ofMillis(300);

  /** A TTL no test outlives. */
  protected static final Duration LONG = Duration.ofMinutes(5);

  protected S store;

  /** A store with nothing in it (a fresh key prefix for a real server). */
  protected abstract S emptyStore() throws Exception;

  /** A store whose backend cannot be reached: every call must throw StateUnavailableException. */
  protected abstract S unreachableStore() throws Exception;

  /**
   * Lets at least {@code duration} pass for the store: a fake advances its clock, a real store
   * sleeps. Tests only assert "expired after its TTL has passed" and "live right after", never how
   * soon.
   */
  protected abstract void passTime(Duration duration) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = emptyStore();
  }

  /** Runs {@code count} calls as simultaneously as threads allow and returns their results. */
  protected static <T> List<T> race(int count, Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
