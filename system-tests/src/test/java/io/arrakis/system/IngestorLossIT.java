package io.arrakis.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arrakis.emulator.DiscordEmulator;
import io.arrakis.emulator.EmulatorConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ingestor's fat jar as a process, the emulator dispatching 1,000 events/s across two shards,
 * the real RabbitMQ and Redis: whatever happens to the ingestor or the broker, every event in the
 * emulator's ledger ends up in a queue (interactions that died waiting end up in the DLQ).
 */
class IngestorLossIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int REDIS_DB = 10;
  private static final int RATE = 1_000;
  private static final long LOAD_MS = 12_000;

  private DiscordEmulator emulator;
  private Broker broker;
  private final List<AppProcess> ingestors = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    AppProcess.flushRedis(REDIS_DB);
    emulator =
        DiscordEmulator.start(
            EmulatorConfig.builder()
                .port(0)
                .seedGuilds(8)
                .recommendedShards(2)
                .maxConcurrency(2)
                .resumeWindow(Duration.ofMinutes(2))
                .build());
    broker = new Broker();
  }

  @AfterEach
  void stop() throws Exception {
    for (AppProcess p : ingestors) {
      p.close();
    }
    emulator.close();
    broker.close();
    AppProcess.flushRedis(REDIS_DB);
  }

  private AppProcess startIngestor(String name) throws Exception {
    AppProcess p = AppProcess.ingestor(name, AppProcess.environment(emulator, broker, 2, REDIS_DB));
    ingestors.add(p);
    return p.awaitHealthy(Duration.ofSeconds(60));
  }

  private int startLoad() {
    return emulator.control().startLoad(List.of(new long[] {LOAD_MS, RATE}), Map.of());
  }

  private void awaitLoadFinished(int run) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!emulator.control().loadFinished(run) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(emulator.control().loadFinished(run)).as("load run finished").isTrue();
  }

  private List<String> ledgerKeys(int run) throws Exception {
    List<String> keys = new ArrayList<>();
    String ndjson =
        new String(emulator.control().loadLedger(run).orElseThrow(), StandardCharsets.UTF_8);
    for (String line : ndjson.split("\n")) {
      if (!line.isBlank()) {
        JsonNode entry = JSON.readTree(line);
        assertThat(entry.path("key").isNull())
            .as("event dispatched to no session: %s", line)
            .isFalse();
        keys.add(entry.path("key").asText());
      }
    }
    return keys;
  }

  /** Asserts nothing in the ledger is missing; returns the number of duplicate deliveries. */
  private int assertNoneLost(int run, String scenario) throws Exception {
    awaitLoadFinished(run);
    List<String> keys = ledgerKeys(run);
    boolean all = broker.awaitAll(keys, 90);
    List<String> missing = keys.stream().filter(k -> !broker.received.containsKey(k)).toList();
    int duplicates =
        keys.stream()
            .mapToInt(k -> broker.received.getOrDefault(k, new AtomicInteger(1)).get() - 1)
            .sum();
    JsonNode summary = emulator.control().loadSummary(run).orElseThrow();
    System.out.printf(
        "%s: %d events dispatched at %s/s (replayed by the emulator: %s); %d received, %d missing,"
            + " %d duplicates%n",
        scenario,
        keys.size(),
        summary.path("achieved_rate_per_s").asText(),
        summary.path("replayed_during_run").asText(),
        keys.size() - missing.size(),
        missing.size(),
        duplicates);
    assertThat(all)
        .as(
            "%s: lost %d events, e.g. %s",
            scenario, missing.size(), missing.subList(0, Math.min(5, missing.size())))
        .isTrue();
    return duplicates;
  }

  @Test
  void givenKill9UnderLoad_whenANewIngestorStarts_thenEveryDispatchedEventIsQueued()
      throws Exception {
    AppProcess first = startIngestor("kill9-first");
    broker.startReading();
    int run = startLoad();
    Thread.sleep(4_000);

    first.kill();
    startIngestor("kill9-second");

    assertNoneLost(run, "kill -9 and restart");
  }

  @Test
  void givenSigtermUnderLoad_whenRestarted_thenNothingLostAndNothingDuplicated() throws Exception {
    AppProcess first = startIngestor("sigterm-first");
    broker.startReading();
    int run = startLoad();
    Thread.sleep(4_000);

    assertThat(first.terminate()).as("exit code after SIGTERM").isIn(0, 143);
    startIngestor("sigterm-second");

    assertThat(assertNoneLost(run, "SIGTERM and restart")).as("duplicates").isZero();
  }

  @Test
  void givenTheBrokerDropsEveryConnectionTwiceUnderLoad_thenNothingIsLost() throws Exception {
    startIngestor("broker-drops");
    broker.startReading();
    int run = startLoad();
    Thread.sleep(3_000);
    Broker.closeAllConnections();
    Thread.sleep(3_000);
    Broker.closeAllConnections();

    assertNoneLost(run, "broker connections closed twice");
  }
}
