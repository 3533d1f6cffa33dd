package io.arrakis.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import io.arrakis.messaging.ConsumerSettings;
import io.arrakis.messaging.Delivery;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EnvelopeHandler;
import io.arrakis.messaging.EnvelopeHeaders;
import io.arrakis.messaging.HandlerOutcome;
import io.arrakis.messaging.PoisonMessageException;
import io.arrakis.messaging.RetryPolicy;
import io.arrakis.messaging.Subscription;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** One queue's consumer: decode, hand to the handler on a worker thread, settle the outcome. */
final class RabbitMqSubscription implements Subscription {
  private static final Logger log = LoggerFactory.getLogger(RabbitMqSubscription.class);
  private static final int MAX_REASON_LENGTH = 1_000;

  private final Channel channel;
  private final String queue;
  private final ConsumerSettings settings;
  private final EnvelopeHandler handler;
  private final RabbitMqEventConsumer owner;
  private final Duration closeTimeout;
  private final MeterRegistry registry;
  private final ExecutorService workers;
  private volatile boolean consuming;
  private volatile boolean closed;
  private volatile String consumerTag;

  RabbitMqSubscription(
      Channel channel,
      String queue,
      ConsumerSettings settings,
      EnvelopeHandler handler,
      RabbitMqEventConsumer owner,
      Duration closeTimeout,
      MeterRegistry registry) {
    this.channel = channel;
    this.queue = queue;
    this.settings = settings;
    this.handler = handler;
    this.owner = owner;
    this.closeTimeout = closeTimeout;
    this.registry = registry;
    AtomicInteger threads = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            settings.concurrency(),
            r -> {
              Thread t = new Thread(r, "consumer-" + queue + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  void start() throws IOException {
    channel.basicQos(settings.prefetch());
    channel.addShutdownListener(this::onShutdown);
    if (channel instanceof Recoverable recoverable) {
      recoverable.addRecoveryListener(
          new RecoveryListener() {
            @Override
            public void handleRecovery(Recoverable recovered) {
              if (!closed) {
                consuming = true;
                log.info("consumer of {} recovered and consuming again", queue);
              }
            }

            @Override
            public void handleRecoveryStarted(Recoverable recovering) {}
          });
    }
    consumerTag =
        channel.basicConsume(
            queue,
            false,
            new DefaultConsumer(channel) {
              @Override
              public void handleDelivery(
                  String tag,
                  com.rabbitmq.client.Envelope amqp,
                  AMQP.BasicProperties props,
                  byte[] body) {
                workers.execute(() -> process(amqp, props, body));
              }

              @Override
              public void handleCancel(String tag) {
                consuming = false;
                log.error("broker cancelled the consumer of {} (queue deleted?)", queue);
              }
            });
    consuming = true;
  }

  @Override
  public String queue() {
    return queue;
  }

  @Override
  public boolean isConsuming() {
    return consuming && !closed && channel.isOpen();
  }

  private void onShutdown(ShutdownSignalException cause) {
    consuming = false;
    if (!closed) {
      log.warn("consumer of {} lost its channel: {}", queue, cause.getMessage());
    }
  }

  private void process(com.rabbitmq.client.Envelope amqp, AMQP.BasicProperties props, byte[] body) {
    long tag = amqp.getDeliveryTag();
    Envelope envelope;
    try {
      envelope = AmqpEnvelopeCodec.decode(amqp.getRoutingKey(), props, body);
    } catch (MalformedEnvelopeException ex) {
      deadLetterRaw(tag, amqp.getRoutingKey(), props, body, "MalformedEnvelope", ex.getMessage());
      return;
    }
    MDC.put("event_key", envelope.messageId());
    try {
      if (Envelope.JSON.equals(envelope.contentType())) {
        Optional<String> problem = JsonSyntax.problem(body);
        if (problem.isPresent()) {
          settle(tag, envelope, new HandlerOutcome.DeadLetter("MalformedPayload", problem.get()));
          return;
        }
      }
      int attempt = envelope.attempt() + 1;
      HandlerOutcome outcome;
      try {
        outcome = handler.handle(new Delivery(envelope, queue, attempt, amqp.isRedeliver()));
      } catch (PoisonMessageException ex) {
        outcome = new HandlerOutcome.DeadLetter(ex.getClass().getSimpleName(), ex.getMessage());
      } catch (Exception ex) {
        log.warn(
            "handler failed on {} (attempt {}): {}", envelope.messageId(), attempt, ex.toString());
        outcome = new HandlerOutcome.RetryLater(ex.toString());
      }
      if (outcome == null) {
        outcome = new HandlerOutcome.RetryLater("handler returned no outcome");
      }
      settle(tag, envelope, outcome);
    } finally {
      MDC.remove("event_key");
    }
  }

  private void settle(long tag, Envelope envelope, HandlerOutcome outcome) {
    try {
      if (outcome instanceof HandlerOutcome.RetryLater retry) {
        retryOrGiveUp(envelope, retry.reason());
      } else if (outcome instanceof HandlerOutcome.DeadLetter dead) {
        deadLetter(envelope, dead.errorClass(), dead.reason());
      } else {
        count("ack");
      }
      ack(tag);
    } catch (IOException ex) {
      // The retry or dead letter was not confirmed: leave the original to be delivered again.
      log.error(
          "could not settle {}: {}; it will be redelivered", envelope.messageId(), ex.toString());
      nack(tag);
    }
  }

  private void retryOrGiveUp(Envelope envelope, String reason) throws IOException {
    int attempt = envelope.attempt() + 1;
    RetryPolicy policy = settings.retryPolicy();
    Optional<Duration> delay = policy.delayAfter(attempt);
    if (delay.isEmpty()) {
      deadLetter(
          envelope, "RetriesExhausted", "gave up after " + attempt + " attempts; last: " + reason);
      return;
    }
    Map<String, Object> headers = new HashMap<>();
    headers.put(EnvelopeHeaders.RETRY_DELAY, RetryPolicy.label(delay.get()));
    headers.put(EnvelopeHeaders.ORIGIN_QUEUE, queue);
    headers.put(EnvelopeHeaders.ERROR_MESSAGE, truncate(reason));
    Envelope next = envelope.toBuilder().attempt(attempt).build();
    owner.republish(
        owner.names().retryExchange(),
        envelope.routingKey(),
        AmqpEnvelopeCodec.encode(next, headers, false),
        envelope.body());
    count("retry");
  }

  private void deadLetter(Envelope envelope, String errorClass, String reason) throws IOException {
    Envelope attempted = envelope.toBuilder().attempt(envelope.attempt() + 1).build();
    owner.republish(
        owner.names().deadLetterExchange(),
        envelope.routingKey(),
        AmqpEnvelopeCodec.encode(attempted, reasonHeaders(errorClass, reason), false),
        envelope.body());
    log.warn("dead-lettered {} from {}: {}: {}", envelope.messageId(), queue, errorClass, reason);
    count("dead_letter");
  }

  /** A message we cannot even read as an envelope goes to the DLQ as it came, plus the reason. */
  private void deadLetterRaw(
      long tag,
      String routingKey,
      AMQP.BasicProperties props,
      byte[] body,
      String errorClass,
      String reason) {
    Map<String, Object> headers =
        new HashMap<>(props.getHeaders() == null ? Map.of() : props.getHeaders());
    headers.putAll(reasonHeaders(errorClass, reason));
    headers.putIfAbsent(EnvelopeHeaders.ATTEMPTS, 1);
    AMQP.BasicProperties withReason = props.builder().headers(headers).expiration(null).build();
    try {
      owner.republish(
          owner.names().deadLetterExchange(),
          routingKey == null ? "" : routingKey,
          withReason,
          body);
      log.warn("dead-lettered an unreadable message from {}: {}", queue, reason);
      count("dead_letter");
      ack(tag);
    } catch (IOException ex) {
      log.error("could not dead-letter an unreadable message: {}", ex.toString());
      nack(tag);
    }
  }

  private Map<String, Object> reasonHeaders(String errorClass, String reason) {
    Map<String, Object> headers = new HashMap<>();
    headers.put(EnvelopeHeaders.ERROR_CLASS, errorClass);
    headers.put(EnvelopeHeaders.ERROR_MESSAGE, truncate(reason));
    headers.put(EnvelopeHeaders.ORIGIN_QUEUE, queue);
    return headers;
  }

  private static String truncate(String reason) {
    String text = reason == null ? "" : reason;
    return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH) + "…";
  }

  private void ack(long tag) {
    try {
      synchronized (channel) {
        channel.basicAck(tag, false);
      }
    } catch (IOException | AlreadyClosedException ex) {
      // The channel died with the message unacked: the broker redelivers it (a duplicate).
      log.debug("ack of {} on {} failed: {}", tag, queue, ex.toString());
    }
  }

  private void nack(long tag) {
    try {
      synchronized (channel) {
        channel.basicNack(tag, false, true);
      }
    } catch (IOException | AlreadyClosedException ex) {
      log.debug("nack of {} on {} failed: {}", tag, queue, ex.toString());
    }
  }

  private void count(String outcome) {
    registry.counter("arrakis.consumer.outcomes", "queue", queue, "outcome", outcome).increment();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    consuming = false;
    try {
      if (consumerTag != null && channel.isOpen()) {
        channel.basicCancel(consumerTag);
      }
    } catch (IOException | AlreadyClosedException ex) {
      log.debug("cancel of {} failed: {}", queue, ex.toString());
    }
    workers.shutdown();
    RabbitMqEventConsumer.awaitQuietly(workers, closeTimeout);
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (IOException | TimeoutException | AlreadyClosedException ex) {
      log.debug("channel close of {} failed: {}", queue, ex.toString());
    }
    owner.forget(this);
  }
}
