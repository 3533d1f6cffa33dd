package io.arrakis.system;

import io.arrakis.emulator.DiscordEmulator;
import io.arrakis.emulator.EmulatorConfig;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/** An app's fat jar (the ingestor's or the worker's) as a separate process, as ECS runs it. */
final class AppProcess implements AutoCloseable {
  static final Path INGESTOR_JAR = Path.of("..", "app-ingestor", "target", "app-ingestor.jar");
  static final Path WORKER_JAR = Path.of("..", "app-worker", "target", "app-worker.jar");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final int healthPort;
  final Path log;

  private AppProcess(Process process, int healthPort, Path log) {
    this.process = process;
    this.healthPort = healthPort;
    this.log = log;
  }

  static AppProcess ingestor(String name, Map<String, String> env) throws IOException {
    return start(INGESTOR_JAR, name, env, java.util.List.of("-Xmx256m"));
  }

  static AppProcess worker(String name, Map<String, String> env) throws IOException {
    return start(WORKER_JAR, name, env, java.util.List.of("-Xmx256m"));
  }

  /** Starts a jar with these JVM options (the benchmarks use the production flags). */
  static AppProcess start(
      Path jar, String name, Map<String, String> env, java.util.List<String> jvm)
      throws IOException {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: build it first (mvn package)");
    }
    int port = freePort();
    Path log = Files.createDirectories(Path.of("target", "system-logs")).resolve(name + ".log");
    java.util.List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    pb.environment().put("HEALTH_HOST", "127.0.0.1");
    pb.environment().put("HEALTH_PORT", Integer.toString(port));
    pb.environment().put("LOG_FORMAT", "text");
    return new AppProcess(pb.start(), port, log);
  }

  /** The environment of an ingestor holding {@code shards} shards of the emulator's bot. */
  static Map<String, String> environment(
      DiscordEmulator emulator, Broker broker, int shards, int redisDb) {
    Map<String, String> env = new HashMap<>();
    env.put("DISCORD_BOT_TOKEN", EmulatorConfig.DEFAULT_TOKEN);
    env.put("DISCORD_API_URL", emulator.baseUrl() + "/api");
    env.put("SHARD_COUNT", Integer.toString(shards));
    env.put("RABBITMQ_URL", broker.amqpUrl());
    env.put("REDIS_URL", "redis://127.0.0.1:6379/" + redisDb);
    return env;
  }

  /** Empties a Redis database the system tests use for checkpoints. */
  static void flushRedis(int db) {
    try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
      jedis.select(db);
      jedis.flushDB();
    }
  }

  /** Whether the machine's Redis has database {@code db} (a stock one has 0-15). */
  static boolean hasDatabase(int db) {
    try (Jedis jedis = new Jedis("127.0.0.1", 6379)) {
      jedis.select(db);
      return true;
    } catch (redis.clients.jedis.exceptions.JedisDataException outOfRange) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** The Prometheus text of /metrics. */
  String metrics() throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** One sample of /metrics by name and exact label text, e.g. {@code quantile="0.99"}. */
  double metric(String name, String labels) throws Exception {
    String prefix = labels.isEmpty() ? name + " " : name + "{" + labels + "} ";
    for (String line : metrics().split("\n")) {
      if (line.startsWith(prefix)) {
        return Double.parseDouble(line.substring(prefix.length()).trim());
      }
    }
    throw new AssertionError("no metric " + prefix + " in /metrics");
  }

  /** The current /health answer (status code and JSON body). */
  HttpResponse<String> health() throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/health"))
            .timeout(Duration.ofSeconds(2))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until /health answers 200 (every shard connected, broker channel open). */
  AppProcess awaitHealthy(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("process exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new AssertionError("process not healthy within " + timeout + "; see " + log);
  }

  /** SIGKILL: no shutdown hook, nothing flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM: the planned stop, waited for. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("process did not stop within 30 s of SIGTERM; see " + log);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  File logFile() {
    return log.toFile();
  }
}
