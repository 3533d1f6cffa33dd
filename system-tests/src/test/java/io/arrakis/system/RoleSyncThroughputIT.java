package io.arrakis.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.emulator.DiscordEmulator;
import io.arrakis.emulator.EmulatorConfig;
import io.arrakis.emulator.EmulatorControl;
import io.arrakis.jda.actions.QueuedDiscordActions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A role sync that changes 2,000 members' roles in <b>one</b> guild, executed by the ingestor jar,
 * while a second guild on the same shard queue gets 200 role changes queued <i>behind</i> them.
 *
 * <p><b>Rates.</b> Discord's member-role bucket is about 10 changes per 10 s per guild, which would
 * make 2,000 changes take 33 minutes. The emulator's {@code member_role} bucket is set to 20 per
 * second per guild (20 times Discord's) and the ingestor paces 10 % below it ({@code
 * ACTION_GUILD_ROLE_CHANGES=18}, {@code ACTION_GUILD_ROLE_WINDOW_MS=1000}); the global limit stays
 * Discord's 50/s and the ingestor's budget its default 40/s. The mechanism is the same at Discord's
 * rate, 20 times slower.
 *
 * <p>Asserted: every role applied, zero 429s from the emulator, and the second guild finished while
 * most of the first guild's backlog was still waiting (it is not starved). Printed: the times and
 * rates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleSyncThroughputIT {
  private static final Logger log = LoggerFactory.getLogger(RoleSyncThroughputIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHARDS = 2;
  private static final int BIG = 2_000;
  private static final int SMALL = 200;
  private static final int ROLE_CHANGES_PER_SECOND = 20;

  /**
   * The ingestor paces 10 % below the bucket, as its REST budget stays below the global limit:
   * requests leave with some jitter, and exactly at the limit one late change and one on time can
   * fall in the same window.
   */
  private static final int PACED_PER_SECOND = 18;

  private PrivateRedis redis;
  private DiscordEmulator emulator;
  private Broker broker;
  private AppProcess ingestor;
  private SietchSystem.ActionSender sender;
  private long bigGuild;
  private long smallGuild;

  @BeforeAll
  void start() throws Exception {
    redis = PrivateRedis.start("rolesync-redis"); // the budget and claims of this test only
    emulator =
        DiscordEmulator.start(
            EmulatorConfig.builder()
                .port(0)
                .seedGuilds(3)
                .seedMembersPerGuild(BIG)
                .recommendedShards(SHARDS)
                .maxConcurrency(SHARDS)
                .build());
    EmulatorControl control = emulator.control();
    control.rateLimit("member_role", ROLE_CHANGES_PER_SECOND, 1_000);
    // Three guilds on two shards: two of them share a shard, hence one action queue.
    List<Long> shard0 = control.guildIdsOnShard(0, SHARDS);
    List<Long> sameShard = shard0.size() >= 2 ? shard0 : control.guildIdsOnShard(1, SHARDS);
    bigGuild = sameShard.get(0);
    smallGuild = sameShard.get(1);
    broker = new Broker();
    Map<String, String> env = AppProcess.environment(emulator, broker, SHARDS, 0);
    env.put("REDIS_URL", "redis://127.0.0.1:" + redis.port());
    env.put("ACTION_GUILD_ROLE_CHANGES", Integer.toString(PACED_PER_SECOND));
    env.put("ACTION_GUILD_ROLE_WINDOW_MS", "1000");
    ingestor = AppProcess.ingestor("rolesync-ingestor", env).awaitHealthy(Duration.ofSeconds(60));
    sender = new SietchSystem.ActionSender(broker.amqpUrl(), SHARDS);
  }

  @AfterAll
  void stop() throws Exception {
    if (sender != null) {
      sender.close();
    }
    if (ingestor != null) {
      ingestor.close();
    }
    if (broker != null) {
      broker.close();
    }
    if (emulator != null) {
      emulator.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private long newRole(long guild, String name) {
    return Long.parseUnsignedLong(
        emulator
            .control()
            .createRole(guild, JSON.createObjectNode().put("name", name).put("position", 1))
            .get("id")
            .asText());
  }

  private List<DiscordAction> grants(long guild, long role, int count) {
    List<Long> members = emulator.control().memberIds(guild);
    assertThat(members).hasSizeGreaterThanOrEqualTo(count);
    List<DiscordAction> actions = new ArrayList<>();
    for (long member : members.subList(0, count)) {
      actions.add(
          new DiscordAction.AddRole(
              "sync:" + member + ":role.add:" + role, guild, member, role, "eligibility sync"));
    }
    return actions;
  }

  private int applied(List<DiscordAction> actions) {
    int n = 0;
    for (DiscordAction a : actions) {
      DiscordAction.AddRole add = (DiscordAction.AddRole) a;
      if (emulator.control().memberRoles(add.guild(), add.userId()).contains(add.roleId())) {
        n++;
      }
    }
    return n;
  }

  private long counter(String name) {
    return emulator.control().counters().path("counters").path(name).asLong();
  }

  @Test
  void twoThousandRoleChangesInOneGuildDrainAtItsPaceWithoutA429AndWithoutStarvingAnother()
      throws Exception {
    List<DiscordAction> big = grants(bigGuild, newRole(bigGuild, "Fedaykin Sync"), BIG);
    List<DiscordAction> small = grants(smallGuild, newRole(smallGuild, "Naib Sync"), SMALL);
    assertThat(QueuedDiscordActions.shardOf(bigGuild, SHARDS))
        .isEqualTo(QueuedDiscordActions.shardOf(smallGuild, SHARDS));
    long tooMany = counter("rest.429");
    long added = counter("world.role_added");

    long start = System.nanoTime();
    List<CompletableFuture<Void>> confirms = new ArrayList<>();
    for (DiscordAction a : big) {
      confirms.add(sender.actions.submit(a));
    }
    for (DiscordAction a : small) { // queued behind the whole big sync
      confirms.add(sender.actions.submit(a));
    }
    CompletableFuture.allOf(confirms.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    double published = (System.nanoTime() - start) / 1e9;

    // Polled through the emulator's counter (cheap); each role is checked once at the end.
    long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
    double smallDoneAt = -1;
    long bigAppliedWhenSmallDone = -1;
    while (System.nanoTime() < deadline) {
      if (smallDoneAt < 0 && applied(small) == SMALL) {
        smallDoneAt = (System.nanoTime() - start) / 1e9;
        bigAppliedWhenSmallDone = counter("world.role_added") - added - SMALL;
      }
      if (counter("world.role_added") - added >= BIG + SMALL && smallDoneAt >= 0) {
        break;
      }
      Thread.sleep(100);
    }
    double bigDoneAt = (System.nanoTime() - start) / 1e9;
    long extra429 = counter("rest.429") - tooMany;
    String execution = ingestorFigures();

    String figures =
        String.format(
            "role sync: %d role changes in one guild done in %.1f s (%.1f/s; the guild's bucket"
                + " %d/s, Discord's is 1/s), published in %.1f s; %d changes in a second guild"
                + " on the same shard queue, queued behind them, done after %.1f s (when %d of"
                + " the %d were done); 429s from the emulator: %d (global %d); parks by reason %s; ingestor: %s",
            BIG,
            bigDoneAt,
            BIG / bigDoneAt,
            ROLE_CHANGES_PER_SECOND,
            published,
            SMALL,
            smallDoneAt,
            bigAppliedWhenSmallDone,
            BIG,
            extra429,
            counter("rest.429_global"),
            parked(),
            execution);
    log.info(figures);
    System.out.println(figures);

    assertThat(applied(big)).as("roles applied in the big guild").isEqualTo(BIG);
    assertThat(applied(small)).as("roles applied in the second guild").isEqualTo(SMALL);
    assertThat(extra429).as("429 answers from the emulator").isZero();
    // Not starved: the second guild finished while most of the first one's backlog still waited
    // (without per-guild parking it would have come after all 2,000).
    assertThat(bigAppliedWhenSmallDone)
        .as("big-guild changes done when the second guild finished")
        .isLessThan(BIG / 2);
  }

  /** The executor's latency (p50, p99) and the actions' queue age, from the ingestor's metrics. */
  private String ingestorFigures() throws Exception {
    StringBuilder out = new StringBuilder();
    for (String line : ingestor.metrics().split("\n")) {
      if (line.startsWith("arrakis_actions_execution_seconds{")
              && line.contains("role.add")
              && line.contains("quantile")
          || line.startsWith("arrakis_actions_global_limit_waits_seconds_")) {
        out.append(line.replaceAll("arrakis_actions_", "")).append("; ");
      }
    }
    return out.toString();
  }

  /** The ingestor's parks by reason, e.g. {@code role-bucket=2180 early=4700}. */
  private String parked() throws Exception {
    Map<String, Double> byReason = new java.util.TreeMap<>();
    for (String line : ingestor.metrics().split("\n")) {
      if (line.startsWith("arrakis_actions_parked_total{")) {
        String reason = line.replaceAll(".*reason=\"([^\"]*)\".*", "$1");
        byReason.merge(
            reason, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
      }
    }
    return byReason.toString();
  }
}
