package io.arrakis.ingestor.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.jda.actions.QueuedDiscordActions;
import io.arrakis.messaging.ConsumerSettings;
import io.arrakis.messaging.RetryPolicy;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyNames;
import io.arrakis.messaging.TopologyProfile;
import io.arrakis.testkit.messaging.InMemoryEventBus;
import io.arrakis.testkit.state.InMemoryIdempotencyClaims;
import io.arrakis.testkit.state.InMemoryRateLimiter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActionConsumersTest {
  private static final long GUILD_ON_SHARD_0 = 2L << 22;
  private static final long GUILD_ON_SHARD_1 = 3L << 22;

  private final Clock clock = Clock.systemUTC();
  private final Topology base =
      Topology.of(TopologyNames.DEFAULT, TopologyProfile.CLASSIC_PRIORITY, RetryPolicy.STANDARD);
  private final InMemoryEventBus bus = new InMemoryEventBus(withShardQueues(base, 2));
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final ScriptedExecutor executor = new ScriptedExecutor(clock);
  private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);
  private final ActionPipeline pipeline =
      new ActionPipeline(
          executor,
          new InMemoryIdempotencyClaims(clock),
          new GlobalPacer(limiter, ActionSettings.DEFAULTS, clock, Sleeper.system(), metrics),
          new InvalidRequestGuard(limiter, ActionSettings.DEFAULTS, clock, metrics),
          bus,
          new GuildRoleSchedule(GuildRolePace.DISCORD, clock),
          Sleeper.system(),
          clock,
          metrics);
  private final List<Topology> declared = new CopyOnWriteArrayList<>();
  private final ActionConsumers consumers =
      new ActionConsumers(
          base, declared::add, new ConsumerSettings(10, 4, RetryPolicy.STANDARD), pipeline);
  private final QueuedDiscordActions worker = new QueuedDiscordActions(bus, 2);

  @AfterEach
  void close() {
    consumers.close();
    bus.close();
  }

  /** The in-memory bus knows only the queues of its topology: add those of the shards. */
  private static Topology withShardQueues(Topology base, int shards) {
    List<Topology.QueueSpec> queues = new ArrayList<>(base.queues());
    List<Topology.BindingSpec> bindings = new ArrayList<>(base.bindings());
    for (int n = 0; n < shards; n++) {
      queues.addAll(base.shardActions(n).queues());
      bindings.addAll(base.shardActions(n).bindings());
    }
    return new Topology(
        base.names(), base.profile(), base.retryPolicy(), base.exchanges(), queues, bindings);
  }

  private static DiscordAction.AddRole addRole(String id, long guild) {
    return new DiscordAction.AddRole(id, guild, Actions.USER, Actions.ROLE, "sync");
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void givenTheShardsHeld_thenTheirQueuesAreDeclaredAndConsumedWithTheDmQueue() throws Exception {
    consumers.start(bus, List.of(0, 1));

    assertThat(declared)
        .containsExactly(ActionParking.topology(base), base.shardActions(0), base.shardActions(1));
    assertThat(consumers.consuming())
        .containsOnlyKeys(
            "arrakis.actions.shard.0", "arrakis.actions.shard.1", "arrakis.actions.dm")
        .doesNotContainValue(false);
    assertThat(consumers.allConsuming()).isTrue();

    worker.submit(addRole("a0", GUILD_ON_SHARD_0)).join();
    worker.submit(addRole("a1", GUILD_ON_SHARD_1)).join();
    worker.submit(Actions.dm("d1")).join();

    await(() -> executor.executed().size() == 3);
    assertThat(executor.executed().stream().map(DiscordAction::actionId))
        .containsExactlyInAnyOrder("a0", "a1", "d1");
  }

  @Test
  void givenAShardHeldElsewhere_thenItsActionsAreLeftForThatIngestor() throws Exception {
    consumers.start(bus, List.of(0));

    worker.submit(addRole("mine", GUILD_ON_SHARD_0)).join();
    worker.submit(addRole("theirs", GUILD_ON_SHARD_1)).join();

    await(() -> executor.executed().size() == 1);
    Thread.sleep(200);
    assertThat(executor.executed()).extracting(DiscordAction::actionId).containsExactly("mine");
    assertThat(bus.peek("arrakis.actions.shard.1")).hasSize(1);
  }

  @Test
  void givenClosed_thenNothingMoreIsConsumedAndHealthSaysSo() throws Exception {
    consumers.start(bus, List.of(0, 1));
    consumers.close();

    assertThat(consumers.allConsuming()).isFalse();
    worker
        .submit(
            new DiscordAction.PostToChannel(
                "late", GUILD_ON_SHARD_0, Actions.CHANNEL, MessagePayload.text("x")))
        .join();
    Thread.sleep(200);
    assertThat(executor.executed()).isEmpty();
    assertThat(bus.peek("arrakis.actions.shard.0")).hasSize(1);
  }

  @Test
  void givenNotStarted_thenNotConsuming() {
    assertThat(consumers.consuming()).isEmpty();
    assertThat(consumers.allConsuming()).isFalse();
  }
}
