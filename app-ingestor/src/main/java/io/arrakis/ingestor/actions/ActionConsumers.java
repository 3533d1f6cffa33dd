package io.arrakis.ingestor.actions;

import io.arrakis.messaging.ConsumerSettings;
import io.arrakis.messaging.EventConsumer;
import io.arrakis.messaging.Subscription;
import io.arrakis.messaging.Topology;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestor's subscriptions to the action queues: one per shard it holds ({@code
 * arrakis.actions.shard.{n}}, declared here first: the shard count is only known at run time) and
 * the shared {@code arrakis.actions.dm}, all handled by the {@link ActionPipeline}. Closing cancels
 * every subscription at once and waits for the actions in flight, so they finish while the gateway
 * (whose REST connections they use) is still open.
 */
public final class ActionConsumers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ActionConsumers.class);

  /** Declares part of the topology on the broker ({@code RabbitMq::declare}). */
  @FunctionalInterface
  public interface Declarer {
    void declare(Topology part) throws IOException;
  }

  private final Topology topology;
  private final Declarer declarer;
  private final ConsumerSettings settings;
  private final ActionPipeline pipeline;
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  public ActionConsumers(
      Topology topology, Declarer declarer, ConsumerSettings settings, ActionPipeline pipeline) {
    this.topology = Objects.requireNonNull(topology, "topology");
    this.declarer = Objects.requireNonNull(declarer, "declarer");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
  }

  /**
   * Declares the park queues ({@link ActionParking}) and the queues of {@code shards}, and starts
   * consuming them and the DM queue.
   *
   * @param shards the shards this ingestor holds (their guilds' actions are routed to it)
   */
  public void start(EventConsumer consumer, List<Integer> shards) throws IOException {
    declarer.declare(ActionParking.topology(topology));
    List<String> queues = new ArrayList<>();
    for (int shard : shards) {
      declarer.declare(topology.shardActions(shard));
      queues.add(topology.names().shardActionsQueue(shard));
    }
    queues.add(topology.names().directMessageActionsQueue());
    for (String queue : queues) {
      subscriptions.add(consumer.subscribe(queue, settings, pipeline));
    }
    log.info(
        "executing actions from {} (prefetch {}, {} threads each)",
        queues,
        settings.prefetch(),
        settings.concurrency());
  }

  /** Queue name to whether it is being consumed; empty before {@link #start}. */
  public Map<String, Boolean> consuming() {
    Map<String, Boolean> queues = new LinkedHashMap<>();
    subscriptions.forEach(s -> queues.put(s.queue(), s.isConsuming()));
    return queues;
  }

  /** True once started and while every action queue is being consumed. */
  public boolean allConsuming() {
    return !subscriptions.isEmpty() && subscriptions.stream().allMatch(Subscription::isConsuming);
  }

  /** Stops taking actions and waits for those in flight (each subscription's close time-out). */
  @Override
  public void close() {
    pipeline.stopping();
    List<Thread> closing = new ArrayList<>();
    for (Subscription subscription : subscriptions) {
      Thread t = new Thread(subscription::close, "close-" + subscription.queue());
      t.start();
      closing.add(t);
    }
    for (Thread t : closing) {
      try {
        t.join();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    subscriptions.clear();
  }
}
