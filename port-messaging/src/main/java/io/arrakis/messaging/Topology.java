package io.arrakis.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one definition of the broker topology (architecture section 3.3). The apps declare it at
 * start-up, {@code infrastructure/rabbitmq/definitions.json} is rendered from it, and the in-memory
 * fake routes by it. Every exchange and queue is durable; arguments are exactly what RabbitMQ
 * receives.
 */
public record Topology(
    TopologyNames names,
    TopologyProfile profile,
    RetryPolicy retryPolicy,
    List<ExchangeSpec> exchanges,
    List<QueueSpec> queues,
    List<BindingSpec> bindings) {

  /** Dead letters are kept for an operator for 7 days. */
  public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(7);

  /**
   * Quorum queues dead-letter a message after this many deliveries without an ack (a consumer that
   * crashes on it each time). Retries by outcome are counted separately, by {@link RetryPolicy}.
   */
  public static final int QUORUM_DELIVERY_LIMIT = 20;

  /** Interactions outrank every event (architecture section 3.2). */
  public static final int INTERACTION_MAX_PRIORITY = 10;

  /** Member events (5) overtake guild (3) and message/reaction (1) events in a backlog. */
  public static final int GUILD_EVENTS_MAX_PRIORITY = 5;

  public static final String ORIGIN_QUEUE_MATCH = EnvelopeHeaders.ORIGIN_QUEUE;

  public Topology {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    exchanges = List.copyOf(exchanges);
    queues = List.copyOf(queues);
    bindings = List.copyOf(bindings);
  }

  /** An exchange. {@code type} is topic, fanout, direct or headers. */
  public record ExchangeSpec(String name, String type) {}

  /** A queue and the arguments it is declared with. */
  public record QueueSpec(String name, Map<String, Object> arguments) {
    public QueueSpec {
      arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }
  }

  /** A binding of a queue to an exchange. Headers exchanges match on {@code arguments}. */
  public record BindingSpec(
      String exchange, String queue, String routingKey, Map<String, Object> arguments) {
    public BindingSpec {
      arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }
  }

  /** The production topology for a profile, with the standard retry ladder. */
  public static Topology standard(TopologyProfile profile) {
    return of(TopologyNames.DEFAULT, profile, RetryPolicy.STANDARD);
  }

  /** The topology under any names, profile and retry ladder (tests use short delays). */
  public static Topology of(TopologyNames names, TopologyProfile profile, RetryPolicy retryPolicy) {
    Builder b = new Builder(names, profile);

    b.exchange(names.eventsExchange(), "topic");
    b.exchange(names.deadLetterExchange(), "fanout");
    b.exchange(names.retryExchange(), "headers");
    b.exchange(names.retryReturnExchange(), "headers");
    b.exchange(names.actionsExchange(), "topic");

    b.workQueue(names.interactionsQueue(), INTERACTION_MAX_PRIORITY);
    b.bind(names.eventsExchange(), names.interactionsQueue(), "interaction.#");

    b.workQueue(names.guildEventsQueue(), GUILD_EVENTS_MAX_PRIORITY);
    // action.failed.# / action.done.#: the ingestor reports DMs not delivered (closed) or delivered
    for (String key :
        List.of(
            "member.#",
            "guild.#",
            "message.#",
            "reaction.#",
            "gateway.#",
            "action.failed.#",
            "action.done.#")) {
      b.bind(names.eventsExchange(), names.guildEventsQueue(), key);
    }

    b.workQueue(names.directMessageActionsQueue(), 0);
    b.bind(names.actionsExchange(), names.directMessageActionsQueue(), "action.dm.#");

    Map<String, Object> dlqArgs = b.baseArguments();
    dlqArgs.put("x-message-ttl", DEAD_LETTER_RETENTION.toMillis());
    b.queue(names.deadLetterQueue(), dlqArgs);
    b.bind(names.deadLetterExchange(), names.deadLetterQueue(), "");

    for (Duration delay : retryPolicy.delays()) {
      String label = RetryPolicy.label(delay);
      Map<String, Object> args = b.baseArguments();
      args.put("x-message-ttl", delay.toMillis());
      args.put("x-dead-letter-exchange", names.retryReturnExchange());
      b.queue(names.retryQueue(label), args);
      Map<String, Object> match = new LinkedHashMap<>();
      match.put("x-match", "all");
      match.put(EnvelopeHeaders.RETRY_DELAY, label);
      b.bind(names.retryExchange(), names.retryQueue(label), "", match);
    }
    return new Topology(names, profile, retryPolicy, b.exchanges, b.queues, b.bindings);
  }

  /**
   * The queue and bindings of one shard's privileged actions; declared by the ingestor that holds
   * the shard (the shard count is only known at run time).
   */
  public Topology shardActions(int shard) {
    Builder b = new Builder(names, profile);
    String queue = names.shardActionsQueue(shard);
    b.workQueue(queue, 0);
    b.bind(names.actionsExchange(), queue, "action.shard." + shard + ".#");
    return new Topology(names, profile, retryPolicy, List.of(), b.queues, b.bindings);
  }

  /** The queue by name. */
  public QueueSpec queue(String name) {
    return queues.stream()
        .filter(q -> q.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no queue " + name + " in the topology"));
  }

  /** Queues whose messages a consumer handles (not the DLQ and not the delay queues). */
  public List<String> workQueues() {
    return bindings.stream()
        .filter(b -> b.exchange().equals(names.retryReturnExchange()))
        .map(BindingSpec::queue)
        .toList();
  }

  private static final class Builder {
    private final TopologyNames names;
    private final TopologyProfile profile;
    private final List<ExchangeSpec> exchanges = new ArrayList<>();
    private final List<QueueSpec> queues = new ArrayList<>();
    private final List<BindingSpec> bindings = new ArrayList<>();

    Builder(TopologyNames names, TopologyProfile profile) {
      this.names = names;
      this.profile = profile;
    }

    void exchange(String name, String type) {
      exchanges.add(new ExchangeSpec(name, type));
    }

    Map<String, Object> baseArguments() {
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("x-queue-type", profile == TopologyProfile.QUORUM ? "quorum" : "classic");
      return args;
    }

    /** A queue consumers work from: dead-letters to the DLX, retries return to it. */
    void workQueue(String name, int maxPriority) {
      Map<String, Object> args = baseArguments();
      args.put("x-dead-letter-exchange", names.deadLetterExchange());
      if (profile == TopologyProfile.QUORUM) {
        args.put("x-delivery-limit", QUORUM_DELIVERY_LIMIT);
      } else if (maxPriority > 0) {
        args.put("x-max-priority", maxPriority);
      }
      queue(name, args);
      Map<String, Object> match = new LinkedHashMap<>();
      match.put("x-match", "all");
      match.put(EnvelopeHeaders.ORIGIN_QUEUE, name);
      bind(names.retryReturnExchange(), name, "", match);
    }

    void queue(String name, Map<String, Object> arguments) {
      queues.add(new QueueSpec(name, arguments));
    }

    void bind(String exchange, String queue, String routingKey) {
      bind(exchange, queue, routingKey, Map.of());
    }

    void bind(String exchange, String queue, String routingKey, Map<String, Object> arguments) {
      bindings.add(new BindingSpec(exchange, queue, routingKey, arguments));
    }
  }
}
