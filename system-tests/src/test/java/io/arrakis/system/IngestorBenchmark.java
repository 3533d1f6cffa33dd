package io.arrakis.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.arrakis.emulator.DiscordEmulator;
import io.arrakis.emulator.EmulatorConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks B1–B3 of shared/design/benchmarks.md for the ingestor. Not part of the test suite: run
 * by {@code bench/run [short|full]}, which passes PerfTest's classpath. Prints figures and writes
 * {@code target/bench/ingestor.json} and {@code ingestor.md}; asserts nothing about time.
 */
class IngestorBenchmark {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int REDIS_DB = 11;

  /** The flags a production task would use: small stacks, a heap bounded for a 512 MB task. */
  private static final List<String> JVM = List.of("-Xmx384m", "-Xss512k", "-XX:+UseSerialGC");

  private final boolean full = "full".equals(System.getProperty("bench.mode", "short"));
  private final Map<String, Object> results = new LinkedHashMap<>();

  @Test
  void ingestorBenchmarks() throws Exception {
    results.put("mode", full ? "full" : "short");
    results.put("machine", machine());
    results.put("started", Instant.now().toString());

    Map<String, Object> perfThroughput = perfTest("perftest-b1", List.of("-z", full ? "30" : "10"));
    Map<String, Object> perfLatency =
        perfTest("perftest-b2", List.of("-r", "1000", "-z", full ? "60" : "15"));
    results.put("perftest_throughput", perfThroughput);
    results.put("perftest_latency_at_1000", perfLatency);
    results.put(
        "b1_ingestor_throughput", b1(((Number) perfThroughput.get("sending_rate")).doubleValue()));
    results.put("b2_ingestor_latency_at_1000", b2());
    results.put("b3_ingestor_memory", b3());

    Path dir = Files.createDirectories(Path.of("target", "bench"));
    Files.writeString(dir.resolve("ingestor.json"), JSON.writeValueAsString(results));
    Files.writeString(dir.resolve("ingestor.md"), report());
    System.out.println(report());
  }

  // --- B1: throughput ---------------------------------------------------------------------------

  private Map<String, Object> b1(double perfTestRate) throws Exception {
    long seconds = full ? 30 : 10;
    try (Setup s = new Setup(4, 40, 4)) {
      AppProcess ingestor = s.ingestor("bench-b1");
      s.broker.startReading();
      int run =
          s.emulator
              .control()
              .startLoad(List.of(new long[] {(seconds + 5) * 1000, 50_000}), Map.of());
      Thread.sleep(3_000); // warm-up
      double c0 = ingestor.metric("arrakis_publisher_confirmed_total", "");
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000);
      double c1 = ingestor.metric("arrakis_publisher_confirmed_total", "");
      double elapsed = (System.nanoTime() - t0) / 1e9;
      s.emulator.control().stopLoad(run);
      double rate = (c1 - c0) / elapsed;
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("events_per_s_confirmed", Math.round(rate));
      r.put("window_s", Math.round(elapsed));
      r.put("shards", 4);
      r.put("vs_perftest", Math.round(1000.0 * rate / perfTestRate) / 10.0 + " %");
      r.put("bar", ">= 90 % of PerfTest");
      return r;
    }
  }

  // --- B2: latency at 1,000 events/s -------------------------------------------------------------

  private Map<String, Object> b2() throws Exception {
    long seconds = full ? 60 : 15;
    try (Setup s = new Setup(4, 40, 4)) {
      AppProcess ingestor = s.ingestor("bench-b2");
      s.broker.startReading();
      int run =
          s.emulator.control().startLoad(List.of(new long[] {seconds * 1000, 1_000}), Map.of());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 30);
      while (!s.emulator.control().loadFinished(run) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      String timer = "arrakis_publisher_received_to_confirmed_seconds";
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("events", (long) ingestor.metric(timer + "_count", ""));
      r.put("p50_ms", ms(ingestor.metric(timer, "quantile=\"0.5\"")));
      r.put("p99_ms", ms(ingestor.metric(timer, "quantile=\"0.99\"")));
      r.put("p999_ms", ms(ingestor.metric(timer, "quantile=\"0.999\"")));
      r.put("max_ms", ms(ingestor.metric(timer + "_max", "")));
      r.put("bar", "p99 < 50 ms (plan); goal p99 <= PerfTest p99 + 2 ms");
      return r;
    }
  }

  // --- B3: memory at 10,000 guilds over 8 shards ------------------------------------------------

  private Map<String, Object> b3() throws Exception {
    int guilds = full ? 10_000 : 10_000;
    try (Setup s = new Setup(8, guilds, 8, 20, 30)) {
      long start = System.nanoTime();
      AppProcess ingestor = s.ingestor("bench-b3");
      s.broker.startReading();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (s.broker.received.size() < guilds && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      double connectSeconds = (System.nanoTime() - start) / 1e9;
      Thread.sleep(2_000);
      jcmd(ingestor.pid(), "GC.run");
      String heapInfo = jcmd(ingestor.pid(), "GC.heap_info");
      long heapKb = 0;
      Matcher m = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K").matcher(heapInfo);
      while (m.find()) {
        heapKb += Long.parseLong(m.group(1)); // young + old generation, not metaspace
      }
      String status = Files.readString(Path.of("/proc", Long.toString(ingestor.pid()), "status"));
      Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
      long rssKb = rss.find() ? Long.parseLong(rss.group(1)) : -1;
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("guilds", guilds);
      r.put("roles_per_guild", 20);
      r.put("channels_per_guild", 30);
      r.put("shards", 8);
      r.put("messages_received", s.broker.received.size());
      r.put("connect_and_guild_create_s", Math.round(connectSeconds * 10) / 10.0);
      r.put("heap_after_full_gc_mb", Math.round(heapKb / 102.4) / 10.0);
      r.put("heap_per_shard_mb", Math.round(heapKb / 8 / 102.4) / 10.0);
      r.put("heap_per_guild_kib", Math.round(heapKb * 10.0 / guilds) / 10.0);
      r.put("rss_mb", Math.round(rssKb / 102.4) / 10.0);
      r.put("rss_per_shard_mb", Math.round(rssKb / 8 / 102.4) / 10.0);
      r.put("jvm_flags", String.join(" ", JVM));
      r.put("bar", "< 50 MB per shard (plan); goal <= 12 KiB heap per guild");
      return r;
    }
  }

  // --- plumbing ---------------------------------------------------------------------------------

  /** An emulator, a private vhost and a clean Redis database for one benchmark. */
  private final class Setup implements AutoCloseable {
    final DiscordEmulator emulator;
    final Broker broker;
    final List<AppProcess> processes = new ArrayList<>();
    final int shards;

    Setup(int shards, int guilds, int concurrency) throws Exception {
      this(shards, guilds, concurrency, 0, 0);
    }

    Setup(int shards, int guilds, int concurrency, int roles, int channels) throws Exception {
      this.shards = shards;
      AppProcess.flushRedis(REDIS_DB);
      EmulatorConfig.Builder config =
          EmulatorConfig.builder()
              .port(0)
              .seedGuilds(guilds)
              .seedMembersPerGuild(2)
              .recommendedShards(shards)
              .maxConcurrency(concurrency);
      if (roles > 0) {
        config.seedRolesPerGuild(roles).seedChannelsPerGuild(channels);
      }
      emulator = DiscordEmulator.start(config.build());
      broker = new Broker();
    }

    AppProcess ingestor(String name) throws Exception {
      Map<String, String> env = AppProcess.environment(emulator, broker, shards, REDIS_DB);
      env.put("LOG_LEVEL", "WARN");
      AppProcess p = AppProcess.start(AppProcess.INGESTOR_JAR, name, env, JVM);
      processes.add(p);
      return p.awaitHealthy(Duration.ofSeconds(120));
    }

    @Override
    public void close() throws Exception {
      for (AppProcess p : processes) {
        p.close();
      }
      emulator.close();
      broker.close();
      AppProcess.flushRedis(REDIS_DB);
    }
  }

  /**
   * RabbitMQ's PerfTest with the ingestor's message flags: 1 KB, persistent, confirms, priorities.
   */
  private static Map<String, Object> perfTest(String queue, List<String> extra) throws Exception {
    String classpath = System.getProperty("perftest.classpath");
    assertThat(classpath).as("run through bench/run, which resolves PerfTest").isNotBlank();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                "com.rabbitmq.perf.PerfTest",
                "--uri",
                "amqp://guest:guest@127.0.0.1:5672/%2F",
                "-x",
                "1",
                "-y",
                "1",
                "-s",
                "1000",
                "-f",
                "persistent",
                "-c",
                "200",
                "-qa",
                "x-max-priority=10",
                "-u",
                queue,
                "-ad",
                "true"));
    cmd.addAll(extra);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(5, TimeUnit.MINUTES);
    Map<String, Object> r = new LinkedHashMap<>();
    Matcher send = Pattern.compile("sending rate avg: (\\d+) msg/s").matcher(out);
    r.put("sending_rate", send.find() ? Long.parseLong(send.group(1)) : -1);
    Matcher consumer =
        Pattern.compile(
                "consumer latency min/median/75th/95th/99th (\\d+)/(\\d+)/(\\d+)/(\\d+)/(\\d+)")
            .matcher(out);
    if (consumer.find()) {
      r.put("consumer_latency_p50_ms", Long.parseLong(consumer.group(2)) / 1000.0);
      r.put("consumer_latency_p99_ms", Long.parseLong(consumer.group(5)) / 1000.0);
    }
    Matcher confirm =
        Pattern.compile(
                "confirm latency min/median/75th/95th/99th (\\d+)/(\\d+)/(\\d+)/(\\d+)/(\\d+)")
            .matcher(out);
    if (confirm.find()) {
      r.put("confirm_latency_p50_ms", Long.parseLong(confirm.group(2)) / 1000.0);
      r.put("confirm_latency_p99_ms", Long.parseLong(confirm.group(5)) / 1000.0);
    }
    r.put("flags", String.join(" ", cmd.subList(5, cmd.size())).replace("guest:guest@", ""));
    return r;
  }

  private static String jcmd(long pid, String command) throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid),
                command)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  private static double ms(double seconds) {
    return Math.round(seconds * 10_000) / 10.0;
  }

  private static Map<String, Object> machine() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.split(":", 2)[1].trim())
            .orElse("?");
    m.put("cpu", cpu);
    String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    m.put("memory", mem);
    m.put("java", System.getProperty("java.version"));
    return m;
  }

  @SuppressWarnings("unchecked")
  private String report() {
    StringBuilder md = new StringBuilder("# Ingestor benchmarks (" + results.get("mode") + ")\n\n");
    md.append("Machine: ")
        .append(results.get("machine"))
        .append("  \nStarted: ")
        .append(results.get("started"))
        .append("\n\n");
    for (Map.Entry<String, Object> section : results.entrySet()) {
      if (section.getValue() instanceof Map<?, ?> values && !section.getKey().equals("machine")) {
        md.append("## ").append(section.getKey()).append("\n\n| figure | value |\n|---|---|\n");
        ((Map<String, Object>) values)
            .forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append('\n');
      }
    }
    return md.toString();
  }
}
