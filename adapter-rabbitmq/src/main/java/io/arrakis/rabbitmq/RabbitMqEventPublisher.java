package io.arrakis.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ShutdownSignalException;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EventPublisher;
import io.arrakis.messaging.PublishException;
import io.arrakis.messaging.TopologyNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes with a confirm for every message, {@code mandatory} so unroutable messages come back,
 * through the {@link PublishBuffer}. Expired interactions are dropped only when the buffer is full;
 * otherwise they are published with a zero TTL and the broker dead-letters them. One sender thread
 * writes to the channel in buffer order; when the connection drops, every unconfirmed message goes
 * back to the front of the buffer and is sent again after the client's automatic recovery (at least
 * once: duplicates are possible, losses are not).
 */
final class RabbitMqEventPublisher implements EventPublisher {
  private static final Logger log = LoggerFactory.getLogger(RabbitMqEventPublisher.class);
  private static final long POLL_MILLIS = 50;

  private final Channel channel;
  private final TopologyNames names;
  private final RabbitMqSettings settings;
  private final Clock clock;
  private final PublishBuffer buffer;
  private final ConcurrentNavigableMap<Long, PendingPublish> inFlight =
      new ConcurrentSkipListMap<>();

  /** Guards the channel's publish sequence and the in-flight map against a concurrent shutdown. */
  private final ReentrantLock channelLock = new ReentrantLock();

  private final Condition canSend = channelLock.newCondition();
  private volatile boolean channelOpen = true;
  private volatile boolean accepting = true;
  private volatile boolean running = true;
  private final Thread sender;

  private final Counter published;
  private final Counter confirmed;
  private final Counter nacked;
  private final Counter returned;
  private final Counter expired;
  private final Counter resent;
  private final Counter connectionLosses;
  private final MeterRegistry registry;
  private final Timer receivedToConfirmed;

  RabbitMqEventPublisher(
      Connection connection,
      TopologyNames names,
      RabbitMqSettings settings,
      MeterRegistry registry,
      Clock clock)
      throws IOException {
    this.names = names;
    this.settings = settings;
    this.clock = clock;
    this.registry = registry;
    this.published = registry.counter("arrakis.publisher.published");
    this.confirmed = registry.counter("arrakis.publisher.confirmed");
    this.nacked = registry.counter("arrakis.publisher.nacked");
    this.returned = registry.counter("arrakis.publisher.returned");
    this.expired = registry.counter("arrakis.publisher.expired");
    this.resent = registry.counter("arrakis.publisher.resent");
    this.connectionLosses = registry.counter("arrakis.publisher.connection.losses");
    this.receivedToConfirmed =
        Timer.builder("arrakis.publisher.received.to.confirmed")
            .description("frame read off the socket until the broker confirmed the publish")
            .publishPercentiles(0.5, 0.99, 0.999)
            .register(registry);
    this.buffer =
        new PublishBuffer(
            settings.bufferCapacity(), clock, this::shed, this::expire, () -> !channelOpen);
    Gauge.builder("arrakis.publisher.buffered", buffer, PublishBuffer::size).register(registry);
    Gauge.builder("arrakis.publisher.in.flight", inFlight, Map::size).register(registry);

    this.channel = connection.createChannel();
    channel.confirmSelect();
    channel.addConfirmListener(this::onAck, this::onNack);
    channel.addReturnListener(this::onReturn);
    channel.addShutdownListener(this::onChannelShutdown);
    if (channel instanceof Recoverable recoverable) {
      recoverable.addRecoveryListener(
          new RecoveryListener() {
            @Override
            public void handleRecovery(Recoverable recovered) {
              onChannelRecovered();
            }

            @Override
            public void handleRecoveryStarted(Recoverable recovering) {}
          });
    }
    this.sender = new Thread(this::sendLoop, "rabbitmq-publisher-" + settings.connectionName());
    sender.setDaemon(true);
    sender.start();
  }

  @Override
  public CompletableFuture<Void> publish(String exchange, Envelope envelope) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    if (!accepting) {
      result.completeExceptionally(
          new PublishException(PublishException.Reason.CLOSED, "publisher is closed"));
      return result;
    }
    try {
      buffer.offer(exchange, envelope, result);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      result.completeExceptionally(
          new PublishException(
              PublishException.Reason.CLOSED, "interrupted while waiting for room"));
    }
    return result;
  }

  @Override
  public TopologyNames names() {
    return names;
  }

  @Override
  public int pendingCount() {
    return buffer.size() + inFlight.size();
  }

  /** True while the channel is open (not reconnecting). */
  boolean isConnected() {
    return channelOpen && channel.isOpen();
  }

  private void sendLoop() {
    try {
      while (running) {
        PendingPublish next = buffer.poll(POLL_MILLIS);
        if (next != null) {
          send(next);
        }
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }

  private void send(PendingPublish entry) throws InterruptedException {
    channelLock.lock();
    try {
      while (running && (!channelOpen || inFlight.size() >= settings.maxInFlight())) {
        canSend.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
      }
      if (!running) {
        buffer.requeue(List.of(entry));
        return;
      }
      long seqNo = channel.getNextPublishSeqNo();
      inFlight.put(seqNo, entry);
      try {
        AMQP.BasicProperties props = AmqpEnvelopeCodec.encode(entry.envelope());
        if (props.getExpiration() != null) {
          // What is left of the window now, after any wait in the buffer. An interaction that is
          // already dead still goes out with 0: the broker dead-letters it (x-death: expired), so
          // every dispatch is accounted for in a queue or the DLQ.
          long left =
              entry.envelope().expiresAt().map(at -> at.toEpochMilli() - clock.millis()).orElse(0L);
          props = props.builder().expiration(Long.toString(Math.max(0, left))).build();
        }
        channel.basicPublish(
            entry.exchange(), entry.envelope().routingKey(), true, props, entry.envelope().body());
        published.increment();
      } catch (IOException | AlreadyClosedException ex) {
        // The shutdown listener requeues what was in flight; make sure this one goes back too.
        if (inFlight.remove(seqNo) != null) {
          buffer.requeue(List.of(entry));
        }
        channelOpen = false;
        log.warn("publish failed, will resend after reconnect: {}", ex.toString());
      }
    } finally {
      channelLock.unlock();
    }
  }

  private void onAck(long seqNo, boolean multiple) {
    for (PendingPublish entry : settle(seqNo, multiple)) {
      if (entry.result().isDone()) {
        continue; // returned as unroutable just before this ack
      }
      confirmed.increment();
      receivedToConfirmed.record(
          Math.max(0, clock.millis() * 1_000L - entry.envelope().receivedAtMicros()),
          TimeUnit.MICROSECONDS);
      entry.result().complete(null);
    }
  }

  private void onNack(long seqNo, boolean multiple) {
    for (PendingPublish entry : settle(seqNo, multiple)) {
      nacked.increment();
      entry
          .result()
          .completeExceptionally(
              new PublishException(
                  PublishException.Reason.NACKED, "broker nacked " + entry.envelope().messageId()));
    }
  }

  private List<PendingPublish> settle(long seqNo, boolean multiple) {
    List<PendingPublish> settled = new ArrayList<>();
    if (multiple) {
      ConcurrentNavigableMap<Long, PendingPublish> upTo = inFlight.headMap(seqNo, true);
      settled.addAll(upTo.values());
      upTo.clear();
    } else {
      PendingPublish entry = inFlight.remove(seqNo);
      if (entry != null) {
        settled.add(entry);
      }
    }
    if (!settled.isEmpty()) {
      signalCanSend();
    }
    return settled;
  }

  /** The broker returns an unroutable message before acking it: fail the oldest match. */
  private void onReturn(Return ret) {
    returned.increment();
    String messageId = ret.getProperties().getMessageId();
    for (PendingPublish entry : inFlight.values()) {
      if (!entry.result().isDone()
          && entry.envelope().messageId().equals(messageId)
          && entry.envelope().routingKey().equals(ret.getRoutingKey())) {
        log.error(
            "unroutable message {} to {} with key {}: no queue is bound",
            messageId,
            ret.getExchange(),
            ret.getRoutingKey());
        entry
            .result()
            .completeExceptionally(
                new PublishException(
                    PublishException.Reason.UNROUTABLE,
                    "no queue bound for " + ret.getExchange() + " / " + ret.getRoutingKey()));
        return;
      }
    }
  }

  private void onChannelShutdown(ShutdownSignalException cause) {
    channelLock.lock();
    try {
      channelOpen = false;
      List<PendingPublish> unconfirmed = new ArrayList<>(inFlight.values());
      inFlight.clear();
      unconfirmed.removeIf(entry -> entry.result().isDone());
      buffer.requeue(unconfirmed);
      resent.increment(unconfirmed.size());
      if (running) {
        connectionLosses.increment();
        log.warn(
            "publisher channel lost ({}); {} unconfirmed messages will be resent",
            cause.getMessage(),
            unconfirmed.size());
      }
    } finally {
      channelLock.unlock();
    }
  }

  private void onChannelRecovered() {
    log.info("publisher channel recovered; resending {} buffered messages", buffer.size());
    channelLock.lock();
    try {
      channelOpen = true;
      canSend.signalAll();
    } finally {
      channelLock.unlock();
    }
  }

  private void signalCanSend() {
    if (channelLock.tryLock()) {
      try {
        canSend.signalAll();
      } finally {
        channelLock.unlock();
      }
    }
  }

  private void shed(PendingPublish entry) {
    registry
        .counter(
            "arrakis.publisher.shed", "priority", Integer.toString(entry.envelope().priority()))
        .increment();
    entry
        .result()
        .completeExceptionally(
            new PublishException(
                PublishException.Reason.SHED,
                "buffer full; shed "
                    + entry.envelope().type()
                    + " "
                    + entry.envelope().messageId()));
  }

  private void expire(PendingPublish entry) {
    expired.increment();
    entry
        .result()
        .completeExceptionally(
            new PublishException(
                PublishException.Reason.EXPIRED,
                entry.envelope().messageId() + " expired before it could be published"));
  }

  @Override
  public void close() {
    accepting = false;
    long deadline = System.nanoTime() + settings.closeTimeout().toNanos();
    while (pendingCount() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    running = false;
    sender.interrupt();
    try {
      sender.join(1_000);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
    PublishException closed =
        new PublishException(PublishException.Reason.CLOSED, "publisher closed before confirm");
    buffer.failAll(closed);
    inFlight.values().forEach(entry -> entry.result().completeExceptionally(closed));
    inFlight.clear();
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (IOException | java.util.concurrent.TimeoutException | AlreadyClosedException ex) {
      log.debug("publisher channel close: {}", ex.toString());
    }
  }
}
