package io.arrakis.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.discord.action.DiscordAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Role changes in bulk, as a sync over thousands of members produces them, executed by two ingestor
 * processes that each hold half of the shards and share one REST budget through Redis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActionsThroughputIT {
  private static final Logger log = LoggerFactory.getLogger(ActionsThroughputIT.class);
  private static final int REDIS_DB = 5;
  private static final int GUILDS = 100;
  private static final int MEMBERS_PER_GUILD = 20;

  private SietchSystem sys;
  private SietchSystem.ActionSender sender;
  private final List<Target> targets = new ArrayList<>();

  /** One member of one guild and the extra role the test gives and takes. */
  private record Target(long guild, long member, long role) {}

  @BeforeAll
  void start() throws Exception {
    // Discord limits role changes to one bucket per guild (the emulator: 10 per 10 s), so a
    // single guild cannot approach the global limit; 100 guilds can, and then the shared budget
    // is what paces.
    sys =
        SietchSystem.start(
            "athru",
            REDIS_DB,
            "redis://127.0.0.1:6379/" + (REDIS_DB + 1),
            new SietchSystem.Layout(GUILDS, MEMBERS_PER_GUILD, 9, List.of("0", "1")));
    sender = sys.actionSender();
    // guilds interleaved, as when many communities sync at once (one guild alone is held to its
    // own bucket whatever the global budget)
    List<Long> guilds = sys.emulator.control().guildIds();
    for (int m = 0; m < MEMBERS_PER_GUILD; m++) {
      for (long guild : guilds) {
        long member = sys.emulator.control().memberIds(guild).get(m);
        targets.add(new Target(guild, member, sys.emulator.control().roleId(guild, "role-8")));
      }
    }
    assertThat(targets).hasSize(GUILDS * MEMBERS_PER_GUILD);
  }

  @AfterAll
  void stop() throws Exception {
    if (sender != null) {
      sender.close();
    }
    if (sys != null) {
      sys.close();
    }
  }

  @Test
  @Order(1)
  void twoThousandRoleChangesAtOnceAllLandWithoutA429() throws Exception {
    List<DiscordAction> actions = new ArrayList<>();
    for (Target t : targets) {
      actions.add(
          new DiscordAction.AddRole(
              "bulk:" + t.member() + ":role.add:" + t.role(),
              t.guild(),
              t.member(),
              t.role(),
              "sync"));
    }
    assertThat(actions).hasSize(2000);
    long added = sys.emulatorCounter("world.role_added");
    long tooMany = sys.emulatorCounter("rest.429");

    long start = System.nanoTime();
    publishAll(actions);
    long lastChange =
        awaitCounter("world.role_added", added + actions.size(), Duration.ofSeconds(150));

    double seconds = (lastChange - start) / 1e9;
    double rate = actions.size() / seconds;
    String figures =
        String.format(
            "2000 role changes over 100 guilds by 2 ingestors (1 shard each): done in %.1f s,"
                + " %.1f actions/s (budget 40/s shared through Redis, Discord's limit 50/s);"
                + " 429s counted by the emulator: %d",
            seconds, rate, sys.emulatorCounter("rest.429") - tooMany);
    log.info(figures);
    System.out.println("actions throughput: " + figures);
    assertThat(sys.emulatorCounter("rest.429") - tooMany).as("429 answers").isZero();
    for (Target t : targets) {
      assertThat(sys.emulator.control().memberRoles(t.guild(), t.member())).contains(t.role());
    }
    for (AppProcess ingestor : sys.ingestors) {
      assertThat(ingestor.metrics()).contains("arrakis_actions_executed_total");
    }
  }

  @Test
  @Order(2)
  void anIngestorKilledWithActionsInFlightLosesNoneOfThem() throws Exception {
    List<DiscordAction> actions = new ArrayList<>();
    for (Target t : targets.subList(0, 600)) {
      actions.add(
          new DiscordAction.RemoveRole(
              "kill:" + t.member() + ":role.remove:" + t.role(),
              t.guild(),
              t.member(),
              t.role(),
              "sync"));
    }
    long removed = sys.emulatorCounter("world.role_removed");

    publishAll(actions);
    awaitCounter("world.role_removed", removed + 150, Duration.ofSeconds(60));
    AppProcess doomed = sys.ingestors.get(0); // holds shard 0
    doomed.kill();
    long killedAt = System.nanoTime();
    sys.startIngestor("athru-ingestor-0-replacement", "0");
    long done =
        awaitCounterOr(
            "world.role_removed",
            removed + actions.size(),
            Duration.ofSeconds(90),
            () -> allRemoved(actions));

    int missing = 0;
    for (DiscordAction a : actions) {
      DiscordAction.RemoveRole r = (DiscordAction.RemoveRole) a;
      if (sys.emulator.control().memberRoles(r.guild(), r.userId()).contains(r.roleId())) {
        missing++;
      }
    }
    long requests = sys.emulatorCounter("world.role_removed") - removed;
    String figures =
        String.format(
            "%d role removals, the ingestor of shard 0 killed (SIGKILL) after ~150: %d not done;"
                + " %d removal requests for %d actions (%d sent again after a takeover); the"
                + " replacement finished %.1f s after the kill",
            actions.size(),
            missing,
            requests,
            actions.size(),
            requests - actions.size(),
            (done - killedAt) / 1e9);
    log.info(figures);
    System.out.println("actions after an ingestor kill: " + figures);
    assertThat(missing).as("actions lost").isZero();
  }

  private boolean allRemoved(List<DiscordAction> actions) {
    for (DiscordAction a : actions) {
      DiscordAction.RemoveRole r = (DiscordAction.RemoveRole) a;
      if (sys.emulator.control().memberRoles(r.guild(), r.userId()).contains(r.roleId())) {
        return false;
      }
    }
    return true;
  }

  private void publishAll(List<DiscordAction> actions) throws Exception {
    List<CompletableFuture<Void>> confirms = new ArrayList<>();
    for (DiscordAction a : actions) {
      confirms.add(sender.actions.submit(a));
    }
    CompletableFuture.allOf(confirms.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
  }

  /** Waits until the emulator's counter reaches {@code target}; returns when (nanoTime). */
  private long awaitCounter(String counter, long target, Duration timeout) throws Exception {
    return awaitCounterOr(counter, target, timeout, () -> false);
  }

  private long awaitCounterOr(
      String counter, long target, Duration timeout, java.util.function.BooleanSupplier orDone)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (sys.emulatorCounter(counter) >= target || orDone.getAsBoolean()) {
        return System.nanoTime();
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        counter
            + " reached "
            + sys.emulatorCounter(counter)
            + ", not "
            + target
            + " in "
            + timeout);
  }
}
