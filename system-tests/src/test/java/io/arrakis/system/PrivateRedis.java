package io.arrakis.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * A {@code redis-server} of one test's own on a free port: its state cannot be flushed by another
 * test, and the test may stop and restart it (an outage) without touching the machine's Redis.
 */
final class PrivateRedis implements AutoCloseable {
  private final int port;
  private final Path log;
  private Process process;

  private PrivateRedis(int port, Path log) {
    this.port = port;
    this.log = log;
  }

  /** Starts one and waits until it answers PING. */
  static PrivateRedis start(String name) throws Exception {
    Path log = Files.createDirectories(Path.of("target", "system-logs")).resolve(name + ".log");
    PrivateRedis redis = new PrivateRedis(AppProcess.freePort(), log);
    redis.restart();
    return redis;
  }

  int port() {
    return port;
  }

  /** Its URL, database 0. */
  String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  Jedis client() {
    return new Jedis("127.0.0.1", port);
  }

  /** SIGKILL: Redis is gone at once, as in an outage. */
  void stop() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Starts it (again) on the same port and waits until it answers. */
  void restart() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (Jedis jedis = client()) {
        if ("PONG".equals(jedis.ping())) {
          return;
        }
      } catch (RuntimeException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("redis-server did not start on port " + port + "; see " + log);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
