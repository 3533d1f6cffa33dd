package io.arrakis.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrakis.emulator.RestClient.Res;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Benchmark: the load generator drives 4 shards to trivial consumers (they only parse the sequence
 * number). It prints the achieved dispatch rate and proves with the ledger that every sequence
 * number reached its shard exactly once. The rate is printed, never asserted.
 */
class LoadBenchmarkIT {
  static final int SHARDS = 4;
  static final int TARGET_RATE = Integer.getInteger("emulator.bench.rate", 40_000);
  static final long DURATION_MS = Long.getLong("emulator.bench.ms", 3_000);

  /** Counts frames and records each dispatch's seq; no JSON parsing on the hot path. */
  static final class Consumer implements WebSocket.Listener {
    final BitSet seqs = new BitSet();
    final AtomicLong dispatches = new AtomicLong();
    long duplicates;
    final StringBuilder partial = new StringBuilder();
    final CompletableFuture<String> sessionId = new CompletableFuture<>();
    WebSocket ws;
    final int shard;

    final int shards;

    Consumer(int shard) {
      this(shard, SHARDS);
    }

    Consumer(int shard, int shards) {
      this.shard = shard;
      this.shards = shards;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      ws = webSocket;
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String s = partial.toString();
        partial.setLength(0);
        handle(w, s);
      }
      if (stallWhenReady && sessionId.isDone() && !released) {
        return null; // stop reading: TCP backpressure builds up towards the emulator
      }
      w.request(1);
      return null;
    }

    volatile boolean stallWhenReady;
    volatile boolean released;

    void release() {
      released = true;
      ws.request(1);
    }

    private void handle(WebSocket w, String s) {
      if (s.contains("\"op\":10,")) {
        w.sendText(
            "{\"op\":2,\"d\":{\"token\":\""
                + EmulatorConfig.DEFAULT_TOKEN
                + "\",\"intents\":"
                + GatewayClient.WITH_MEMBERS
                + ",\"shard\":["
                + shard
                + ","
                + shards
                + "],\"properties\":{\"os\":\"linux\",\"browser\":\"b\",\"device\":\"d\"}}}",
            true);
        return;
      }
      int i = s.indexOf("\"s\":");
      if (i < 0 || !s.contains("\"op\":0")) {
        return;
      }
      int j = i + 4;
      int k = j;
      while (k < s.length() && Character.isDigit(s.charAt(k))) {
        k++;
      }
      if (k == j) {
        return;
      }
      int seq = Integer.parseInt(s, j, k, 10);
      synchronized (this) {
        if (seqs.get(seq)) {
          duplicates++;
        }
        seqs.set(seq);
      }
      dispatches.incrementAndGet();
      if (s.startsWith("{\"t\":\"READY\"")) {
        int a = s.indexOf("\"session_id\":\"") + 14;
        sessionId.complete(s.substring(a, s.indexOf('"', a)));
      }
    }
  }

  @Test
  @DisplayName(
      "a consumer that stops reading makes the generator wait instead of queueing without bound")
  void slowConsumerAppliesBackpressure() throws Exception {
    try (DiscordEmulator emu =
        DiscordEmulator.start(
            EmulatorConfig.builder()
                .port(0)
                .seedGuilds(2)
                .identifyInterval(Duration.ZERO)
                .build())) {
      Consumer c = new Consumer(0, 1);
      c.stallWhenReady = true;
      HttpClient.newHttpClient()
          .newWebSocketBuilder()
          .buildAsync(URI.create(emu.gatewayUrl() + "?v=10&encoding=json"), c)
          .get(5, TimeUnit.SECONDS);
      c.sessionId.get(10, TimeUnit.SECONDS);
      JdaFidelityIT.awaitTrue(() -> !emu.control().sessions().isEmpty(), "session registered");
      int run =
          emu.control()
              .startLoadStages(
                  List.of(new LoadGenerator.Stage(2000, 100_000)),
                  java.util.Map.of("MESSAGE_CREATE", 1),
                  100,
                  List.of());
      JdaFidelityIT.awaitTrue(
          () ->
              emu.control().loadSummary(run).orElseThrow().path("backpressure_wait_ms").asLong()
                  > 0,
          "the generator waits for the stalled consumer");
      assertThat(emu.control().loadFinished(run)).isFalse();
      c.release();
      JdaFidelityIT.awaitTrue(() -> emu.control().loadFinished(run), "run finished after release");
      JsonNode summary = emu.control().loadSummary(run).orElseThrow();
      long planned = summary.path("planned").asLong();
      assertThat(summary.path("dispatched").asLong()).isEqualTo(planned);
      JdaFidelityIT.awaitTrue(
          () -> c.dispatches.get() >= planned + 3, "everything delivered after release");
      synchronized (c) {
        assertThat(c.duplicates).isZero();
        assertThat(c.seqs.cardinality()).isEqualTo((int) planned + 3);
      }
      c.ws.abort();
    }
  }

  @Test
  @DisplayName(
      "load generator: >= target rate across 4 shards, every sequence number delivered once")
  void loadAcrossFourShardsWithExactLedger() throws Exception {
    try (DiscordEmulator emu =
        DiscordEmulator.start(
            EmulatorConfig.builder()
                .port(0)
                .seedGuilds(8)
                .maxConcurrency(16)
                .identifyInterval(Duration.ZERO)
                .resumeBufferSize(1_000)
                .build())) {
      HttpClient http = HttpClient.newHttpClient();
      List<Consumer> consumers = new ArrayList<>();
      for (int s = 0; s < SHARDS; s++) {
        Consumer c = new Consumer(s);
        http.newWebSocketBuilder()
            .buildAsync(URI.create(emu.gatewayUrl() + "?v=10&encoding=json"), c)
            .get(5, TimeUnit.SECONDS);
        c.sessionId.get(10, TimeUnit.SECONDS);
        consumers.add(c);
      }
      RestClient rest = new RestClient(emu);
      Res started =
          rest.control(
              "POST",
              "/load",
              "{\"stages\":[{\"duration_ms\":" + DURATION_MS + ",\"rate\":" + TARGET_RATE + "}]}");
      assertThat(started.status()).isEqualTo(202);
      int run = started.body().path("run_id").asInt();
      JdaFidelityIT.awaitTrue(() -> emu.control().loadFinished(run), "load run finished");
      JsonNode summary = emu.control().loadSummary(run).orElseThrow();
      long planned = summary.path("planned").asLong();
      assertThat(planned).isEqualTo(DURATION_MS * TARGET_RATE / 1000);
      assertThat(summary.path("dispatched").asLong()).isEqualTo(planned);
      assertThat(summary.path("undeliverable").asLong()).isZero();
      assertThat(summary.path("sequence_violations").asLong()).isZero();

      // Each consumer must hold exactly the ledger's sequence numbers for its shard.
      byte[] ledger = emu.control().loadLedger(run).orElseThrow();
      String[] lines = new String(ledger, StandardCharsets.UTF_8).split("\n");
      assertThat(lines).hasSize((int) planned);
      List<BitSet> expected = new ArrayList<>();
      for (int s = 0; s < SHARDS; s++) {
        expected.add(new BitSet());
      }
      Set<String> keys = new HashSet<>();
      for (String line : lines) {
        JsonNode e = Json.parse(line);
        expected.get(e.path("shard").asInt()).set(e.path("seq").asInt());
        keys.add(e.path("key").asText());
      }
      assertThat(keys).as("event keys are unique").hasSize((int) planned);
      for (int s = 0; s < SHARDS; s++) {
        Consumer c = consumers.get(s);
        BitSet want = expected.get(s);
        JdaFidelityIT.awaitTrue(
            () -> {
              synchronized (c) {
                BitSet missing = (BitSet) want.clone();
                missing.andNot(c.seqs);
                return missing.isEmpty();
              }
            },
            "shard " + s + " received every ledger seq");
        synchronized (c) {
          assertThat(c.duplicates).as("duplicates on shard " + s).isZero();
        }
        assertThat(want.cardinality()).as("shard " + s + " got a share").isPositive();
      }
      long elapsed = summary.path("elapsed_ms").asLong();
      System.out.printf(
          "LOAD BENCHMARK: %d events across %d shards in %d ms = %d dispatches/s (target %d/s), "
              + "per shard %s, per type %s%n",
          planned,
          SHARDS,
          elapsed,
          summary.path("achieved_rate_per_s").asLong(),
          TARGET_RATE,
          summary.path("per_shard"),
          summary.path("per_type"));
      consumers.forEach(c -> c.ws.abort());
    }
  }
}
