package io.arrakis.testkit.messaging;

import io.arrakis.messaging.ConsumerSettings;
import io.arrakis.messaging.Delivery;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EnvelopeHandler;
import io.arrakis.messaging.EnvelopeHeaders;
import io.arrakis.messaging.EventConsumer;
import io.arrakis.messaging.EventPublisher;
import io.arrakis.messaging.HandlerOutcome;
import io.arrakis.messaging.PoisonMessageException;
import io.arrakis.messaging.PublishException;
import io.arrakis.messaging.Subscription;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process bus that routes by the same {@link Topology} as the broker (topic, fanout and
 * headers bindings) and settles outcomes like the RabbitMQ adapter: delayed retries up to the
 * policy, dead letters with reason headers. For unit tests; it passes the same contract tests as
 * the real adapter. It has no priorities and never loses the process, so it cannot stand in for the
 * broker in reliability tests.
 */
public final class InMemoryEventBus implements EventPublisher, EventConsumer {
  private final Topology topology;
  private final Map<String, BlockingQueue<Envelope>> queues = new ConcurrentHashMap<>();
  private final Set<InMemorySubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService delays =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "in-memory-bus-retries");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean closed;

  public InMemoryEventBus(Topology topology) {
    this.topology = topology;
    topology.queues().forEach(q -> queues.put(q.name(), new LinkedBlockingQueue<>()));
  }

  @Override
  public CompletableFuture<Void> publish(String exchange, Envelope envelope) {
    if (closed) {
      return CompletableFuture.failedFuture(
          new PublishException(PublishException.Reason.CLOSED, "bus is closed"));
    }
    Set<String> targets = route(exchange, envelope.routingKey(), envelope.headers());
    if (targets.isEmpty()) {
      return CompletableFuture.failedFuture(
          new PublishException(
              PublishException.Reason.UNROUTABLE,
              "no queue bound for " + exchange + " / " + envelope.routingKey()));
    }
    targets.forEach(queue -> queues.get(queue).add(envelope));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public TopologyNames names() {
    return topology.names();
  }

  @Override
  public int pendingCount() {
    return 0;
  }

  /** What waits in a queue right now (no consumer took it yet). */
  public List<Envelope> peek(String queue) {
    return List.copyOf(queueOf(queue));
  }

  @Override
  public Subscription subscribe(String queue, ConsumerSettings settings, EnvelopeHandler handler) {
    InMemorySubscription subscription =
        new InMemorySubscription(queue, queueOf(queue), settings, handler);
    subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  private BlockingQueue<Envelope> queueOf(String queue) {
    BlockingQueue<Envelope> q = queues.get(queue);
    if (q == null) {
      throw new IllegalArgumentException("no queue " + queue + " in the topology");
    }
    return q;
  }

  private Set<String> route(String exchange, String routingKey, Map<String, String> headers) {
    Optional<Topology.ExchangeSpec> spec =
        topology.exchanges().stream().filter(e -> e.name().equals(exchange)).findFirst();
    if (spec.isEmpty()) {
      throw new IllegalArgumentException("no exchange " + exchange + " in the topology");
    }
    Set<String> targets = new LinkedHashSet<>();
    for (Topology.BindingSpec binding : topology.bindings()) {
      if (!binding.exchange().equals(exchange)) {
        continue;
      }
      boolean matches =
          switch (spec.get().type()) {
            case "fanout" -> true;
            case "direct" -> binding.routingKey().equals(routingKey);
            case "topic" -> TopicMatcher.matches(binding.routingKey(), routingKey);
            case "headers" -> headersMatch(binding.arguments(), headers);
            default -> throw new IllegalStateException("exchange type " + spec.get().type());
          };
      if (matches) {
        targets.add(binding.queue());
      }
    }
    return targets;
  }

  private static boolean headersMatch(Map<String, Object> arguments, Map<String, String> headers) {
    // Like RabbitMQ: arguments starting with x- take no part in matching.
    return arguments.entrySet().stream()
        .filter(a -> !a.getKey().startsWith("x-"))
        .allMatch(a -> a.getValue().toString().equals(headers.get(a.getKey())));
  }

  private void settle(
      String queue, ConsumerSettings settings, Envelope envelope, HandlerOutcome outcome) {
    int attempt = envelope.attempt() + 1;
    if (outcome instanceof HandlerOutcome.RetryLater retry) {
      Optional<Duration> delay = settings.retryPolicy().delayAfter(attempt);
      if (delay.isEmpty()) {
        deadLetter(
            queue,
            envelope,
            "RetriesExhausted",
            "gave up after " + attempt + " attempts; last: " + retry.reason());
        return;
      }
      Envelope next = envelope.toBuilder().attempt(attempt).build();
      delays.schedule(
          () -> queueOf(queue).add(next), delay.get().toMillis(), TimeUnit.MILLISECONDS);
    } else if (outcome instanceof HandlerOutcome.DeadLetter dead) {
      deadLetter(queue, envelope, dead.errorClass(), dead.reason());
    }
  }

  private void deadLetter(String queue, Envelope envelope, String errorClass, String reason) {
    Map<String, String> headers = new HashMap<>(envelope.headers());
    headers.put(EnvelopeHeaders.ERROR_CLASS, errorClass);
    headers.put(EnvelopeHeaders.ERROR_MESSAGE, reason);
    headers.put(EnvelopeHeaders.ORIGIN_QUEUE, queue);
    Envelope dead =
        envelope.toBuilder()
            .attempt(envelope.attempt() + 1)
            .headers(headers)
            .noExpiration()
            .build();
    publish(topology.names().deadLetterExchange(), dead);
  }

  @Override
  public void close() {
    closed = true;
    subscriptions.forEach(InMemorySubscription::close);
    delays.shutdownNow();
  }

  private final class InMemorySubscription implements Subscription {
    private final String queue;
    private final BlockingQueue<Envelope> source;
    private final ConsumerSettings settings;
    private final EnvelopeHandler handler;
    private final Thread[] threads;
    private volatile boolean running = true;

    InMemorySubscription(
        String queue,
        BlockingQueue<Envelope> source,
        ConsumerSettings settings,
        EnvelopeHandler handler) {
      this.queue = queue;
      this.source = source;
      this.settings = settings;
      this.handler = handler;
      this.threads = new Thread[settings.concurrency()];
    }

    void start() {
      AtomicInteger n = new AtomicInteger();
      for (int i = 0; i < threads.length; i++) {
        threads[i] =
            new Thread(this::loop, "in-memory-consumer-" + queue + "-" + n.incrementAndGet());
        threads[i].setDaemon(true);
        threads[i].start();
      }
    }

    private void loop() {
      while (running) {
        Envelope envelope;
        try {
          envelope = source.poll(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
          return;
        }
        if (envelope == null) {
          continue;
        }
        HandlerOutcome outcome;
        try {
          outcome = handler.handle(new Delivery(envelope, queue, envelope.attempt() + 1, false));
        } catch (PoisonMessageException ex) {
          outcome = new HandlerOutcome.DeadLetter(ex.getClass().getSimpleName(), ex.getMessage());
        } catch (Exception ex) {
          outcome = new HandlerOutcome.RetryLater(ex.toString());
        }
        if (outcome == null) {
          outcome = new HandlerOutcome.RetryLater("handler returned no outcome");
        }
        settle(queue, settings, envelope, outcome);
      }
    }

    @Override
    public String queue() {
      return queue;
    }

    @Override
    public boolean isConsuming() {
      return running && !closed;
    }

    @Override
    public void close() {
      running = false;
      for (Thread t : threads) {
        try {
          t.join(1_000);
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
        }
      }
      subscriptions.remove(this);
    }
  }
}
