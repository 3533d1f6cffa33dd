package io.arrakis.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.emulator.DiscordEmulator;
import io.arrakis.emulator.EmulatorConfig;
import io.arrakis.worker.DemoCommunity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Benchmark B4 of shared/design/benchmarks.md, interaction latency: slash commands invoked in the
 * emulator at 200/s and at 500/s go through the ingestor's jar, RabbitMQ and one worker's jar (no
 * bot token), which answers through the emulator's interaction endpoints. The emulator measures
 * each interaction from its creation to the first callback it accepts (the defer of {@code
 * /check-eligibility}, the reply of the others) and to the last response (the edit of a deferred
 * answer), and the worker's own timers are read from its {@code /metrics}.
 *
 * <p>The load: ten slash commands in rotation (see {@link #commands()}) over 11 guilds with a demo
 * community each, every guild's 200 members taking turns, so that the bot's per-user and per-guild
 * limits and its 3 s cooldown stay out of the figures (what remains is counted). A warm-up ramp
 * (50, 100, 200/s) comes first and is not measured; each stage is drained before the next.
 *
 * <p>Not part of the test suite: run by {@code bench/run [short|full] [all|b4]}. Prints figures and
 * writes {@code target/bench/worker-b4.json} and {@code worker-b4.md} (plus the worker's and the
 * ingestor's last {@code /metrics}); asserts nothing about time. For a diagnosis: {@code
 * -Dbench.b4.rates=50,100}, {@code -Dbench.b4.seconds=30}, {@code -Dbench.b4.jfr=true} (a flight
 * recording of the worker in {@code target/bench/worker-b4.jfr}).
 */
class WorkerBenchmark {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The ingestor's checkpoints and the worker's state (limits, cooldowns, claims). */
  private static final int REDIS_DB = 14;

  private static final int WORKER_REDIS_DB = 15;

  /** The flags a production task would use, for both apps (as in the ingestor benchmark). */
  private static final List<String> JVM = List.of("-Xmx384m", "-Xss512k", "-XX:+UseSerialGC");

  private static final int SHARDS = 2;

  /**
   * Guilds the load is spread over: the bot allows 100 commands per second per guild, so 500/s
   * needs at least 5; 11 keeps each below 50/s and is coprime with the 10 commands of the mix, so
   * every guild sees every command (event i goes to guild i mod 11 and runs command i mod 10).
   */
  private static final int GUILDS = 11;

  /**
   * Members per guild who take turns: at 500/s a member acts again after 200 × 11 / 500 = 4.4 s,
   * past the bot's 3 s command cooldown and far below its 5 commands per second per user.
   */
  private static final int MEMBERS = 200;

  private static final int PREFETCH = 10;
  private static final int CONCURRENCY = 10;

  /** The design's rates; {@code -Dbench.b4.rates=50,100} overrides them for a diagnosis. */
  private static final int[] RATES =
      Arrays.stream(System.getProperty("bench.b4.rates", "200,500").split(","))
          .mapToInt(r -> Integer.parseInt(r.trim()))
          .toArray();

  /** Longer than the community's command cooldown (3 s): every stage starts clear of it. */
  private static final long COOLDOWN_GAP_MS = 4_000;

  private final boolean full = "full".equals(System.getProperty("bench.mode", "short"));
  private final Map<String, Object> results = new LinkedHashMap<>();

  @Test
  void workerBenchmarks() throws Exception {
    long seconds = Long.getLong("bench.b4.seconds", full ? 60 : 15);
    long warmUpSeconds = full ? 20 : 10; // per warm-up step
    results.put("mode", full ? "full" : "short");
    results.put("machine", machine());
    results.put("started", Instant.now().toString());
    Map<String, Object> setup = new LinkedHashMap<>();
    setup.put(
        "note",
        "everything shares the machine's cores: the emulator and this harness (one JVM), the"
            + " ingestor and the worker (one JVM each), RabbitMQ, PostgreSQL and Redis");
    setup.put("guilds", GUILDS);
    setup.put("members_per_guild", MEMBERS);
    setup.put("shards", SHARDS);
    setup.put(
        "worker", "1 process, WORKER_PREFETCH=" + PREFETCH + ", WORKER_CONCURRENCY=" + CONCURRENCY);
    setup.put("jvm_flags", String.join(" ", JVM) + " (ingestor and worker)");
    setup.put("command_mix", mixDescription());
    setup.put("stage_s", seconds);
    setup.put("warm_up", warmUpSeconds + " s each at 50/s, 100/s and 200/s, not measured");
    results.put("setup", setup);

    try (Bench b = new Bench()) {
      long w = warmUpSeconds * 1000;
      Stage warm =
          b.run(List.of(new long[] {w, 50}, new long[] {w, 100}, new long[] {w, 200}), 0, 0);
      results.put(
          "warm_up",
          Map.of(
              "created", warm.created,
              "answered", warm.complete,
              "first_callback_p99_ms", warm.firstCallback.get("p99")));
      for (int rate : RATES) {
        Thread.sleep(COOLDOWN_GAP_MS);
        results.put("b4_interactions_at_" + rate, b.stage(rate, seconds).figures());
      }
      results.put("worker_log_warnings", b.workerWarnings());
      Files.writeString(
          Files.createDirectories(Path.of("target", "bench")).resolve("worker-b4-metrics.txt"),
          b.worker.metrics());
      Files.writeString(
          Path.of("target", "bench", "worker-b4-ingestor-metrics.txt"), b.ingestor.metrics());
      // written before the system is taken down, so that a failure to stop loses no figures
      Path dir = Files.createDirectories(Path.of("target", "bench"));
      Files.writeString(dir.resolve("worker-b4.json"), JSON.writeValueAsString(results));
      Files.writeString(dir.resolve("worker-b4.md"), report());
      System.out.println(report());
    }
  }

  // --- the command mix ---------------------------------------------------------------------------

  /**
   * Ten commands, rotated: {@code /check-eligibility} (deferred) four times with wallets of
   * different standing, {@code /threshold} three times, {@code /position} twice and {@code
   * /register-waitlist status} once.
   */
  static List<JsonNode> commands() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode threshold = m.createObjectNode().put("name", "threshold");
    ObjectNode position = m.createObjectNode().put("name", "position");
    ObjectNode waitlist =
        m.createObjectNode().put("name", "register-waitlist").put("subcommand", "status");
    List<ObjectNode> checks = new ArrayList<>();
    // eligible (rank 3), the last eligible rank (69), the waitlist range (80), unranked
    for (String wallet :
        List.of(
            DemoCommunity.wallet(3).value(),
            DemoCommunity.wallet(69).value(),
            DemoCommunity.wallet(80).value(),
            DemoCommunity.wallet(500).value())) {
      ObjectNode c = m.createObjectNode().put("name", "check-eligibility");
      c.putObject("options").put("wallet", wallet);
      checks.add(c);
    }
    return List.of(
        checks.get(0),
        threshold,
        position,
        checks.get(1),
        threshold,
        waitlist,
        checks.get(2),
        position,
        threshold,
        checks.get(3));
  }

  private static String mixDescription() {
    Map<String, Integer> n = new LinkedHashMap<>();
    for (JsonNode c : commands()) {
      String name = "/" + c.path("name").asText() + " " + c.path("subcommand").asText("");
      n.merge(name.trim(), 1, Integer::sum);
    }
    StringBuilder b = new StringBuilder();
    n.forEach(
        (k, v) -> b.append(b.length() == 0 ? "" : ", ").append(v * 10).append(" % ").append(k));
    return b + " (check-eligibility defers; wallets ranked 3, 69, 80 and unranked)";
  }

  // --- the system ------------------------------------------------------------------------------

  /**
   * Emulator, private vhost, throw-away database with 11 demo communities, ingestor, one worker.
   */
  private final class Bench implements AutoCloseable {
    final DiscordEmulator emulator;
    final Broker broker;
    final SystemDatabase db;
    final List<AppProcess> processes = new ArrayList<>();
    final AppProcess ingestor;
    final AppProcess worker;

    Bench() throws Exception {
      AppProcess.flushRedis(REDIS_DB);
      AppProcess.flushRedis(WORKER_REDIS_DB);
      for (String app : List.of("ingestor", "worker")) { // logs are appended to: start afresh
        Files.deleteIfExists(Path.of("target", "system-logs", "bench-b4-" + app + ".log"));
      }
      emulator =
          DiscordEmulator.start(
              EmulatorConfig.builder()
                  .port(0)
                  .seedGuilds(GUILDS)
                  .seedMembersPerGuild(MEMBERS)
                  .recommendedShards(SHARDS)
                  .maxConcurrency(SHARDS)
                  .build());
      broker = new Broker();
      db = new SystemDatabase();
      for (long guild : emulator.control().guildIds()) {
        DemoCommunity.seed(
            db.postgres.repositories(),
            db.postgres.unitOfWork(),
            guild,
            emulator.control().memberIds(guild),
            Optional.empty(),
            Instant.now());
      }
      Map<String, String> ingestorEnv = AppProcess.environment(emulator, broker, SHARDS, REDIS_DB);
      ingestorEnv.put("LOG_LEVEL", "WARN");
      ingestor =
          started(AppProcess.start(AppProcess.INGESTOR_JAR, "bench-b4-ingestor", ingestorEnv, JVM));
      registerCommands();
      Map<String, String> env = new HashMap<>(db.environment());
      env.put("DISCORD_API_URL", emulator.baseUrl() + "/api");
      env.put("RABBITMQ_URL", broker.amqpUrl());
      env.put("REDIS_URL", "redis://127.0.0.1:6379/" + WORKER_REDIS_DB);
      env.put("SHARD_COUNT", Integer.toString(SHARDS));
      env.put("WORKER_PREFETCH", Integer.toString(PREFETCH));
      env.put("WORKER_CONCURRENCY", Integer.toString(CONCURRENCY));
      env.put("LOG_LEVEL", "WARN");
      List<String> jvm = new ArrayList<>(JVM);
      if (Boolean.getBoolean("bench.b4.jfr")) { // a profile of the worker, for a diagnosis
        Files.createDirectories(Path.of("target", "bench"));
        jvm.add(
            "-XX:StartFlightRecording=settings=profile,filename="
                + Path.of("target", "bench", "worker-b4.jfr").toAbsolutePath());
      }
      worker = started(AppProcess.start(AppProcess.WORKER_JAR, "bench-b4-worker", env, jvm));
    }

    private AppProcess started(AppProcess p) throws Exception {
      processes.add(p);
      return p.awaitHealthy(Duration.ofSeconds(120));
    }

    /** {@code app-worker.jar register-commands}, globally, as a deploy would. */
    private void registerCommands() throws Exception {
      ProcessBuilder pb =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  AppProcess.WORKER_JAR.toString(),
                  "register-commands")
              .redirectErrorStream(true);
      pb.environment().clear();
      pb.environment().put("DISCORD_BOT_TOKEN", EmulatorConfig.DEFAULT_TOKEN);
      pb.environment().put("DISCORD_API_URL", emulator.baseUrl() + "/api");
      pb.environment().put("LOG_FORMAT", "text");
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
    }

    /** One load run at {@code rate} commands per second, drained, then measured. */
    Stage stage(int rate, long seconds) throws Exception {
      return run(List.of(new long[] {seconds * 1000, rate}), rate, seconds);
    }

    /** One load run of these {@code [duration ms, rate]} steps, drained, then measured. */
    Stage run(List<long[]> steps, int rate, long seconds) throws Exception {
      Map<String, Double> workerBefore = metrics(worker);
      Cpu cpuBefore = Cpu.sample(this);
      int run =
          emulator.control().startLoad(steps, Map.of("INTERACTION_CREATE", 1), commands(), true);
      long planned = steps.stream().mapToLong(st -> st[0]).sum();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(planned + 60_000);
      while (!emulator.control().loadFinished(run) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      Cpu cpuAfter = Cpu.sample(this);
      long created = emulator.control().loadSummary(run).orElseThrow().path("planned").asLong();
      // drained: the worker has taken every interaction off the queue, or nothing moved for 5 s
      // (its /metrics is the cheap signal: reading conversations would load the emulator's JVM)
      double base = consumed(workerBefore);
      long lastChange = System.nanoTime();
      double seen = -1;
      while (System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(5)
          && System.nanoTime() < deadline) {
        double now = consumed(metrics(worker)) - base;
        if (now >= created) {
          break;
        }
        if (now != seen) {
          seen = now;
          lastChange = System.nanoTime();
        }
        Thread.sleep(250);
      }
      Thread.sleep(1_000); // the last edits of deferred answers
      Map<String, Double> workerAfter = metrics(worker);
      List<Long> ids = interactionIds(run);
      ObjectNode summary = emulator.control().loadSummary(run).orElseThrow();
      Stage s = new Stage(rate, seconds, summary);
      for (long id : ids) {
        s.add(emulator.control().conversation(id).orElse(null));
      }
      s.finish(workerBefore, workerAfter, cpuBefore.until(cpuAfter));
      return s;
    }

    private List<Long> interactionIds(int run) throws IOException {
      List<Long> ids = new ArrayList<>();
      byte[] ledger = emulator.control().loadLedger(run).orElseThrow();
      for (String line : new String(ledger, StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          ids.add(Long.parseUnsignedLong(JSON.readTree(line).path("id").asText()));
        }
      }
      return ids;
    }

    /** WARN/ERROR lines of the worker's log, counted by their message's start (a hint, no more). */
    Map<String, Integer> workerWarnings() throws IOException {
      Map<String, Integer> n = new TreeMap<>();
      for (String line : Files.readAllLines(worker.log)) {
        int at = line.indexOf(" WARN ");
        at = at < 0 ? line.indexOf(" ERROR ") : at;
        int dash = line.indexOf(" - ", Math.max(0, at));
        if (at >= 0 && dash >= 0) {
          String level = line.substring(at, at + 6).trim();
          String msg = line.substring(dash + 3).replaceAll("\\d+", "N");
          n.merge(level + " " + msg.substring(0, Math.min(100, msg.length())), 1, Integer::sum);
        }
      }
      return n;
    }

    /** Stops everything, each step attempted even when an earlier one fails. */
    @Override
    public void close() throws Exception {
      List<Throwable> failures = new ArrayList<>();
      List<Step> steps = new ArrayList<>();
      if (worker != null && worker.isAlive()) {
        steps.add(worker::terminate); // the planned stop (a flight recording is written then)
      }
      for (AppProcess p : processes) {
        steps.add(p::close);
      }
      steps.add(emulator::close);
      steps.add(broker::close);
      steps.add(db::close);
      steps.add(() -> AppProcess.flushRedis(REDIS_DB));
      steps.add(() -> AppProcess.flushRedis(WORKER_REDIS_DB));
      for (Step step : steps) {
        try {
          step.run();
        } catch (Exception | AssertionError | LinkageError ex) {
          failures.add(ex);
        }
      }
      if (!failures.isEmpty()) {
        AssertionError e = new AssertionError("stopping the benchmark's system failed");
        failures.forEach(e::addSuppressed);
        throw e;
      }
    }
  }

  /** One step of taking the system down. */
  private interface Step {
    void run() throws Exception;
  }

  // --- one interaction, as the emulator saw it ---------------------------------------------------

  /** A conversation reduced to what B4 measures. */
  private record Answer(
      long createdMillis,
      String command,
      boolean deferred,
      long callbackMicros,
      long finalMicros,
      boolean complete,
      int refusedRequests,
      String kind) {

    static Answer of(JsonNode c) {
      String command = c.path("name").asText();
      boolean deferred = c.path("callback_type").asInt() == 5;
      long callback = -1;
      long last = -1;
      boolean edited = false;
      int refused = 0;
      for (JsonNode e : c.path("events")) {
        String kind = e.path("kind").asText();
        int status = e.path("status").asInt();
        if (status >= 300) {
          refused++;
          continue;
        }
        long at = e.path("at_us").asLong();
        if (kind.equals("callback") && callback < 0) {
          callback = at;
        }
        if (kind.startsWith("edit") || kind.equals("followup")) {
          edited = true;
        }
        last = at;
      }
      boolean complete = callback >= 0 && (!deferred || edited);
      String text = c.path("original").path("content").asText("");
      String kind;
      if (!complete) {
        kind = callback < 0 ? "unanswered" : "deferred_not_completed";
      } else if (text.startsWith("Too many requests")) {
        kind = "rate_limited";
      } else if (text.startsWith("You're going too fast")) {
        kind = "cooldown";
      } else if (text.startsWith("Something went wrong")) {
        kind = "internal_error";
      } else if (text.startsWith("Sietch isn't set up")) {
        kind = "not_set_up";
      } else {
        kind = "ok";
      }
      long created = Instant.parse(c.path("created_at").asText()).toEpochMilli();
      return new Answer(created, command, deferred, callback, last, complete, refused, kind);
    }
  }

  /** The figures of one load run. */
  private static final class Stage {
    final int rate;
    final long seconds;
    final ObjectNode summary;
    final Map<String, List<Answer>> byCommand = new TreeMap<>();
    final Map<String, Integer> kinds = new TreeMap<>();
    int created;
    int complete;
    int refusedRequests;
    Map<String, Object> firstCallback = Map.of();
    Map<String, Object> finalResponse = Map.of();
    final Map<String, Object> worker = new LinkedHashMap<>();
    Map<String, Object> cpu = Map.of();
    final List<Map<String, Object>> timeline = new ArrayList<>();
    final Map<String, Object> unansweredBecause = new LinkedHashMap<>();

    Stage(int rate, long seconds, ObjectNode summary) {
      this.rate = rate;
      this.seconds = seconds;
      this.summary = summary;
    }

    void add(JsonNode conversation) {
      created++;
      if (conversation == null) {
        kinds.merge("forgotten_by_emulator", 1, Integer::sum);
        return;
      }
      Answer a = Answer.of(conversation);
      byCommand.computeIfAbsent(a.command(), k -> new ArrayList<>()).add(a);
      kinds.merge(a.kind(), 1, Integer::sum);
      refusedRequests += a.refusedRequests();
      if (a.complete()) {
        complete++;
      }
    }

    void finish(Map<String, Double> before, Map<String, Double> after, Map<String, Object> cpu) {
      List<Answer> all = byCommand.values().stream().flatMap(List::stream).toList();
      firstCallback = percentiles(all.stream().mapToLong(Answer::callbackMicros));
      finalResponse = percentiles(all.stream().mapToLong(Answer::finalMicros));
      long start = all.stream().mapToLong(Answer::createdMillis).min().orElse(0);
      Map<Long, List<Answer>> bySecond = new TreeMap<>();
      all.forEach(
          a ->
              bySecond
                  .computeIfAbsent((a.createdMillis() - start) / 1000, k -> new ArrayList<>())
                  .add(a));
      bySecond.forEach(
          (second, answers) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("second", second);
            t.put("created", answers.size());
            t.put(
                "first_callback_ms",
                percentiles(answers.stream().mapToLong(Answer::callbackMicros)));
            timeline.add(t);
          });
      this.cpu = cpu;
      worker.put(
          "first_response_ms (consumed -> first response accepted)",
          histogram(before, after, "arrakis_worker_interaction_first_response_seconds"));
      worker.put(
          "queue_delay_ms (ingestor read the frame -> worker consumed)",
          histogram(before, after, "arrakis_worker_interaction_queue_delay_seconds"));
      worker.put(
          "received_to_response_ms (ingestor read the frame -> first response accepted)",
          histogram(before, after, "arrakis_worker_interaction_received_to_response_seconds"));
      Map<String, Long> outcomes = new TreeMap<>();
      after.forEach(
          (k, v) -> {
            if (k.startsWith("arrakis_worker_interactions_total{")) {
              long d = Math.round(v - before.getOrDefault(k, 0.0));
              if (d > 0) {
                outcomes.merge(label(k, "result"), d, Long::sum);
              }
            }
          });
      worker.put("results (dispatch outcome; expired = answer refused as too late)", outcomes);
      worker.put("consumed", Math.round(consumed(after) - consumed(before)));
      for (String c : List.of("expired", "duplicates", "takeovers", "unclaimed")) {
        String k = "arrakis_worker_interactions_" + c + "_total";
        worker.put(c, Math.round(after.getOrDefault(k, 0.0) - before.getOrDefault(k, 0.0)));
      }
      long consumedByWorker = (Long) worker.get("consumed");
      long tooLate = outcomes.getOrDefault("expired", 0L);
      unansweredBecause.put(
          "expired in the broker queue, never delivered", created - consumedByWorker);
      unansweredBecause.put("dropped by the worker, older than 3 s", worker.get("expired"));
      unansweredBecause.put("answered too late, refused by Discord (emulator)", tooLate);
    }

    Map<String, Object> figures() {
      Map<String, Object> r = new LinkedHashMap<>();
      JsonNode it = summary.path("interactions");
      r.put("target_rate_per_s", rate);
      r.put("duration_s", seconds);
      r.put("achieved_rate_per_s", summary.path("achieved_rate_per_s").asLong());
      r.put("created", created);
      r.put("answered_completely", complete);
      r.put("answered_per_s", Math.round(complete / (double) seconds));
      int errors =
          kinds.getOrDefault("unanswered", 0)
              + kinds.getOrDefault("deferred_not_completed", 0)
              + kinds.getOrDefault("internal_error", 0)
              + kinds.getOrDefault("not_set_up", 0)
              + kinds.getOrDefault("forgotten_by_emulator", 0);
      r.put("errors", errors);
      r.put("error_rate_percent", pct(errors, created));
      int limiter = kinds.getOrDefault("rate_limited", 0) + kinds.getOrDefault("cooldown", 0);
      r.put("limiter_replies", limiter);
      r.put("limiter_reply_percent", pct(limiter, created));
      r.put("outcomes", kinds);
      r.put("unanswered_because", unansweredBecause);
      r.put("refused_requests", refusedRequests);
      r.put("first_callback_ms", firstCallback);
      r.put("final_response_ms", finalResponse);
      List<Answer> checks = byCommand.getOrDefault("check-eligibility", List.of());
      r.put(
          "defer_ms (check-eligibility)",
          percentiles(checks.stream().mapToLong(Answer::callbackMicros)));
      r.put(
          "deferred_final_ms (check-eligibility edit)",
          percentiles(checks.stream().mapToLong(Answer::finalMicros)));
      Map<String, Object> perCommand = new LinkedHashMap<>();
      byCommand.forEach(
          (name, answers) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("count", answers.size());
            c.put(
                "first_callback_ms",
                percentiles(answers.stream().mapToLong(Answer::callbackMicros)));
            c.put(
                "final_response_ms", percentiles(answers.stream().mapToLong(Answer::finalMicros)));
            perCommand.put(name, c);
          });
      r.put("per_command", perCommand);
      r.put("timeline (by second of creation)", timeline);
      r.put("worker_metrics", worker);
      r.put("cpu_during_load", cpu);
      r.put(
          "emulator_summary",
          Map.of(
              "created", it.path("created").asLong(),
              "answered", it.path("answered").asLong(),
              "unanswered", it.path("unanswered").asLong(),
              "callback_ms", JSON.convertValue(it.path("callback_ms"), Map.class),
              "last_response_ms", JSON.convertValue(it.path("last_response_ms"), Map.class)));
      r.put(
          "bar",
          "defer p99 < 100 ms (plan); goal defer p99 <= 25 ms, final p99 <= 100 ms, errors < 0.1 %");
      return r;
    }
  }

  // --- CPU use of each part during a run -----------------------------------------------------

  /** CPU seconds per part (from /proc), and the machine's busy and total jiffies. */
  private record Cpu(long nanos, Map<String, Double> seconds, long busy, long total) {
    static Cpu sample(Bench b) throws IOException {
      Map<String, Double> s = new LinkedHashMap<>();
      s.put("emulator_and_harness_jvm", cpuSeconds(ProcessHandle.current().pid()));
      s.put("ingestor", cpuSeconds(b.ingestor.pid()));
      s.put("worker", cpuSeconds(b.worker.pid()));
      s.put("rabbitmq", byName("beam.smp"));
      s.put("postgresql", byName("postgres"));
      s.put("redis", byName("redis-server"));
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < cpu.length; i++) {
        total += Long.parseLong(cpu[i]);
      }
      long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
      return new Cpu(System.nanoTime(), s, total - idle, total);
    }

    Map<String, Object> until(Cpu later) {
      double wall = (later.nanos - nanos) / 1e9;
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("window_s", Math.round(wall * 10) / 10.0);
      double busyShare = (double) (later.busy - busy) / Math.max(1, later.total - total);
      r.put("machine_busy_percent", Math.round(1000.0 * busyShare) / 10.0);
      double parts = 0;
      for (Map.Entry<String, Double> e : seconds.entrySet()) {
        double cores = (later.seconds.get(e.getKey()) - e.getValue()) / wall;
        parts += cores;
        r.put(e.getKey() + "_cores", Math.round(100 * cores) / 100.0);
      }
      double busyCores = busyShare * Runtime.getRuntime().availableProcessors();
      r.put("everything_else_cores", Math.round(100 * Math.max(0, busyCores - parts)) / 100.0);
      return r;
    }

    private static double cpuSeconds(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime, USER_HZ
      } catch (IOException | RuntimeException gone) {
        return 0;
      }
    }

    private static double byName(String comm) throws IOException {
      double sum = 0;
      try (var dirs = Files.list(Path.of("/proc"))) {
        for (Path p : dirs.toList()) {
          String name = p.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          try {
            if (Files.readString(p.resolve("comm")).trim().equals(comm)) {
              sum += cpuSeconds(Long.parseLong(name));
            }
          } catch (IOException gone) {
            // the process ended
          }
        }
      }
      return sum;
    }
  }

  // --- plumbing ---------------------------------------------------------------------------------

  /** Every sample of /metrics, keyed by name and label text ({@code name{labels}}). */
  private static Map<String, Double> metrics(AppProcess p) throws Exception {
    Map<String, Double> m = new HashMap<>();
    for (String line : p.metrics().split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      try {
        m.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      } catch (NumberFormatException notANumber) {
        // NaN-like or malformed sample: not needed
      }
    }
    return m;
  }

  /** Interactions the worker took off its queue, whatever the outcome (ack, retry, dead letter). */
  private static double consumed(Map<String, Double> metrics) {
    double n = 0;
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      if (e.getKey().startsWith("arrakis_consumer_outcomes_total{")
          && e.getKey().contains("queue=\"arrakis.interactions\"")) {
        n += e.getValue();
      }
    }
    return n;
  }

  private static String label(String key, String label) {
    int at = key.indexOf(label + "=\"");
    if (at < 0) {
      return "?";
    }
    int from = at + label.length() + 2;
    return key.substring(from, key.indexOf('"', from));
  }

  /**
   * p50/p90/p99 of a timer over one run, estimated from the difference of its Prometheus
   * histogram's cumulative buckets before and after (linear within a bucket: Micrometer's buckets
   * are 10–30 % wide, so these are approximations; the emulator's figures are exact).
   */
  private static Map<String, Object> histogram(
      Map<String, Double> before, Map<String, Double> after, String name) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    after.forEach(
        (k, v) -> {
          if (k.startsWith(name + "_bucket{")) {
            String le = label(k, "le");
            double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            buckets.put(bound, v - before.getOrDefault(k, 0.0));
          }
        });
    Map<String, Object> r = new LinkedHashMap<>();
    double count =
        after.getOrDefault(name + "_count", 0.0) - before.getOrDefault(name + "_count", 0.0);
    r.put("count", Math.round(count));
    if (count <= 0 || buckets.isEmpty()) {
      return r;
    }
    double sum = after.getOrDefault(name + "_sum", 0.0) - before.getOrDefault(name + "_sum", 0.0);
    r.put("mean", round(sum / count * 1000));
    for (double q : new double[] {0.5, 0.9, 0.99}) {
      double target = q * count;
      double lower = 0;
      double below = 0;
      Object value = null;
      for (Map.Entry<Double, Double> e : buckets.entrySet()) {
        if (e.getValue() >= target) {
          if (e.getKey().isInfinite()) {
            value = "> " + round(lower * 1000);
          } else {
            double within = e.getValue() - below;
            double f = within <= 0 ? 1 : (target - below) / within;
            value = round((lower + f * (e.getKey() - lower)) * 1000);
          }
          break;
        }
        lower = e.getKey();
        below = e.getValue();
      }
      r.put("p" + Math.round(q * 100), value);
    }
    return r;
  }

  private static Map<String, Object> percentiles(java.util.stream.LongStream micros) {
    long[] a = micros.filter(v -> v >= 0).sorted().toArray();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("count", a.length);
    if (a.length == 0) {
      return r;
    }
    for (double q : new double[] {0.5, 0.9, 0.99}) {
      r.put(
          "p" + Math.round(q * 100),
          a[(int) Math.min(a.length - 1, Math.floor(a.length * q))] / 1000.0);
    }
    r.put("max", a[a.length - 1] / 1000.0);
    return r;
  }

  private static double round(double ms) {
    return Math.round(ms * 10) / 10.0;
  }

  private static double pct(int part, int whole) {
    return whole == 0 ? 0 : Math.round(100_000.0 * part / whole) / 1000.0;
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
    m.put("load_average_at_start", Files.readString(Path.of("/proc/loadavg")).trim());
    return m;
  }

  // --- the report ---------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private String report() {
    StringBuilder md =
        new StringBuilder(
            "# Worker benchmark B4: interaction latency (" + results.get("mode") + ")\n\n");
    md.append("Machine: ")
        .append(results.get("machine"))
        .append(" — all parts share these cores  \nStarted: ")
        .append(results.get("started"))
        .append("\n\n");
    Map<String, Object> setup = (Map<String, Object>) results.get("setup");
    md.append("## Setup\n\n| | |\n|---|---|\n");
    setup.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    md.append('\n');

    List<String> stages = new ArrayList<>();
    for (String k : results.keySet()) {
      if (k.startsWith("b4_")) {
        stages.add(k);
      }
    }
    if (!stages.isEmpty()) {
      md.append("## Results (emulator's clock: interaction created → response accepted)\n\n");
      md.append("| figure |");
      stages.forEach(s -> md.append(' ').append(stage(s).get("target_rate_per_s")).append("/s |"));
      md.append("\n|---|");
      stages.forEach(s -> md.append("---|"));
      md.append('\n');
      row(md, stages, "achieved rate /s", s -> s.get("achieved_rate_per_s"));
      row(md, stages, "interactions created", s -> s.get("created"));
      row(md, stages, "answered completely", s -> s.get("answered_completely"));
      row(
          md,
          stages,
          "errors (unanswered, defer not completed, internal error)",
          s -> s.get("errors") + " (" + s.get("error_rate_percent") + " %)");
      row(
          md,
          stages,
          "rate-limit / cooldown replies",
          s -> s.get("limiter_replies") + " (" + s.get("limiter_reply_percent") + " %)");
      row(md, stages, "answered completely, per s", s -> s.get("answered_per_s"));
      row(md, stages, "requests refused by the emulator", s -> s.get("refused_requests"));
      row(md, stages, "why unanswered", s -> s.get("unanswered_because"));
      row(
          md,
          stages,
          "**defer** (check-eligibility) p50 / p90 / p99 / max ms",
          s -> pq(s.get("defer_ms (check-eligibility)")));
      row(
          md,
          stages,
          "first callback, all commands, p50 / p90 / p99 / max ms",
          s -> pq(s.get("first_callback_ms")));
      row(
          md,
          stages,
          "**final** response, all commands, p50 / p90 / p99 / max ms",
          s -> pq(s.get("final_response_ms")));
      row(
          md,
          stages,
          "final (check-eligibility edit) p50 / p90 / p99 / max ms",
          s -> pq(s.get("deferred_final_ms (check-eligibility edit)")));
      row(
          md,
          stages,
          "worker: consumed → first response, p50 / p99 ms (histogram)",
          s -> wq(s, "first_response_ms"));
      row(
          md,
          stages,
          "worker: ingestor read → consumed, p50 / p99 ms (histogram)",
          s -> wq(s, "queue_delay_ms"));
      row(
          md,
          stages,
          "worker: ingestor read → first response, p50 / p99 ms (histogram)",
          s -> wq(s, "received_to_response_ms"));
      row(
          md,
          stages,
          "worker: interactions consumed",
          s -> ((Map<String, Object>) s.get("worker_metrics")).get("consumed"));
      row(md, stages, "CPU during the run (cores used)", s -> s.get("cpu_during_load"));
      md.append('\n');
      md.append("Bars: defer p99 < 100 ms (plan); goals defer p99 ≤ 25 ms, final p99 ≤ 100 ms,")
          .append(" errors < 0.1 %.\n\n");

      md.append(
              "## Per command\n\n| rate | command | count | first callback p50 / p90 / p99 / max ms")
          .append(" | final p50 / p90 / p99 / max ms |\n|---|---|---|---|---|\n");
      for (String s : stages) {
        Map<String, Object> st = stage(s);
        ((Map<String, Object>) st.get("per_command"))
            .forEach(
                (name, v) -> {
                  Map<String, Object> c = (Map<String, Object>) v;
                  md.append("| ")
                      .append(st.get("target_rate_per_s"))
                      .append("/s | /")
                      .append(name)
                      .append(" | ")
                      .append(c.get("count"))
                      .append(" | ")
                      .append(pq(c.get("first_callback_ms")))
                      .append(" | ")
                      .append(pq(c.get("final_response_ms")))
                      .append(" |\n");
                });
      }
      md.append('\n');
      md.append("## Timeline: p99 / max of the first callback (ms) by second of creation\n\n");
      for (String s : stages) {
        md.append("* ").append(stage(s).get("target_rate_per_s")).append("/s:");
        for (Map<String, Object> t :
            (List<Map<String, Object>>) stage(s).get("timeline (by second of creation)")) {
          Map<String, Object> p = (Map<String, Object>) t.get("first_callback_ms");
          md.append(' ')
              .append(Math.round(((Number) p.getOrDefault("p99", -1)).doubleValue()))
              .append('/')
              .append(Math.round(((Number) p.getOrDefault("max", -1)).doubleValue()));
        }
        md.append('\n');
      }
      md.append('\n');
      md.append("## Outcomes\n\n");
      for (String s : stages) {
        md.append("* ")
            .append(stage(s).get("target_rate_per_s"))
            .append("/s: ")
            .append(stage(s).get("outcomes"))
            .append('\n');
      }
      md.append('\n');
    }
    md.append("Warm-up (not measured): ").append(results.get("warm_up")).append("  \n");
    md.append("Worker log warnings: ").append(results.get("worker_log_warnings")).append('\n');
    return md.toString();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> stage(String key) {
    return (Map<String, Object>) results.get(key);
  }

  private void row(
      StringBuilder md,
      List<String> stages,
      String label,
      java.util.function.Function<Map<String, Object>, Object> value) {
    md.append("| ").append(label).append(" |");
    for (String s : stages) {
      md.append(' ').append(value.apply(stage(s))).append(" |");
    }
    md.append('\n');
  }

  @SuppressWarnings("unchecked")
  private static String pq(Object percentiles) {
    Map<String, Object> p = (Map<String, Object>) percentiles;
    if (p == null || !p.containsKey("p50")) {
      return "—";
    }
    return p.get("p50") + " / " + p.get("p90") + " / " + p.get("p99") + " / " + p.get("max");
  }

  @SuppressWarnings("unchecked")
  private static String wq(Map<String, Object> stage, String prefix) {
    Map<String, Object> worker = (Map<String, Object>) stage.get("worker_metrics");
    for (Map.Entry<String, Object> e : worker.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        Map<String, Object> h = (Map<String, Object>) e.getValue();
        return h.containsKey("p50") ? h.get("p50") + " / " + h.get("p99") : "—";
      }
    }
    return "—";
  }
}
