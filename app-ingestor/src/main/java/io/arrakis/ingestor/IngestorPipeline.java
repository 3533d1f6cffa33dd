package io.arrakis.ingestor;

import io.arrakis.discord.GatewayDispatch;
import io.arrakis.discord.GatewaySink;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EventPublisher;
import io.arrakis.messaging.PublishException;
import io.arrakis.state.GatewayCheckpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each dispatch into an envelope (architecture sections 3.1 and 3.2), publishes it with a
 * confirm, and advances the shard's checkpoint once the broker settled it. No business logic.
 */
final class IngestorPipeline implements GatewaySink {
  private static final Logger log = LoggerFactory.getLogger(IngestorPipeline.class);

  /** Discord's interaction response window. */
  static final Duration INTERACTION_WINDOW = Duration.ofSeconds(3);

  private static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;
  private static final int MAX_NACK_RETRIES = 3;

  private final EventPublisher publisher;
  private final CheckpointTracker checkpoints;
  private final Counter unreadable;
  private final Counter unpublished;

  IngestorPipeline(
      EventPublisher publisher, CheckpointTracker checkpoints, MeterRegistry registry) {
    this.publisher = publisher;
    this.checkpoints = checkpoints;
    this.unreadable = registry.counter("arrakis.ingestor.dispatch.unreadable");
    this.unpublished = registry.counter("arrakis.ingestor.dispatch.unpublished");
  }

  @Override
  public void onDispatch(GatewayDispatch dispatch) {
    Envelope envelope = toEnvelope(dispatch);
    checkpoints.published(dispatch.shardId(), dispatch.sessionId(), dispatch.sequence());
    publish(envelope, dispatch, 0);
  }

  private void publish(Envelope envelope, GatewayDispatch dispatch, int nacks) {
    publisher
        .publish(envelope)
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                PublishException failure = unwrap(error);
                if (failure != null
                    && failure.reason() == PublishException.Reason.NACKED
                    && nacks < MAX_NACK_RETRIES) {
                  // Not on this thread: it is the broker connection's, and a full buffer could
                  // block it while the confirms that would make room wait behind it.
                  CompletableFuture.runAsync(() -> publish(envelope, dispatch, nacks + 1));
                  return;
                }
                if (!isDeliberateDrop(failure)) {
                  // Not settled: the checkpoint stays before it, so a restart has Discord replay
                  // it.
                  unpublished.increment();
                  log.error(
                      "dispatch {} not published: {}", envelope.messageId(), error.getMessage());
                  return;
                }
              }
              checkpoints.settled(dispatch.shardId(), dispatch.sessionId(), dispatch.sequence());
            });
  }

  /**
   * Dropped by policy (shed from a full buffer, expired, or no queue bound — an alarm of its own):
   * replaying would not change the outcome, so the checkpoint may move past it.
   */
  private static boolean isDeliberateDrop(PublishException failure) {
    return failure != null
        && (failure.reason() == PublishException.Reason.SHED
            || failure.reason() == PublishException.Reason.EXPIRED
            || failure.reason() == PublishException.Reason.UNROUTABLE);
  }

  private static PublishException unwrap(Throwable error) {
    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
    return cause instanceof PublishException p ? p : null;
  }

  Envelope toEnvelope(GatewayDispatch dispatch) {
    DispatchFields fields = readFields(dispatch);
    EventRoute route = EventRouting.route(dispatch.type(), fields);
    boolean interaction = "INTERACTION_CREATE".equals(dispatch.type());
    String eventKey =
        interaction && fields.id().isPresent()
            ? fields.id().get()
            : dispatch.shardId() + ":" + dispatch.sessionId() + ":" + dispatch.sequence();
    Envelope.Builder envelope =
        Envelope.builder(eventKey, dispatch.type(), route.routingKey(), dispatch.data())
            .priority(route.priority())
            .receivedAtMicros(dispatch.receivedAtMicros())
            .shardId(dispatch.shardId())
            .seq(dispatch.sequence())
            .sessionId(dispatch.sessionId());
    Optional<String> guildId =
        fields
            .guildId()
            .or(() -> isGuildLifecycle(dispatch.type()) ? fields.id() : Optional.empty());
    guildId.ifPresent(envelope::guildId);
    if (interaction) {
      fields.id().ifPresent(envelope::interactionId);
      envelope.expiration(remainingWindow(fields.id(), dispatch.receivedAtMicros()));
    }
    return envelope.build();
  }

  private DispatchFields readFields(GatewayDispatch dispatch) {
    try {
      return DispatchFields.read(dispatch.data());
    } catch (IOException ex) {
      // Forward it anyway: the body is what Discord sent, and a worker dead-letters it with a
      // reason.
      unreadable.increment();
      return new DispatchFields(
          Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty());
    }
  }

  private static boolean isGuildLifecycle(String type) {
    return "GUILD_CREATE".equals(type)
        || "GUILD_DELETE".equals(type)
        || "GUILD_UPDATE".equals(type);
  }

  /** What is left of the 3-second window, counted from the interaction's snowflake time. */
  static Duration remainingWindow(Optional<String> interactionId, long receivedAtMicros) {
    long receivedMillis = receivedAtMicros / 1_000L;
    long createdMillis = receivedMillis;
    try {
      if (interactionId.isPresent()) {
        createdMillis = (Long.parseLong(interactionId.get()) >> 22) + DISCORD_EPOCH_MILLIS;
      }
    } catch (NumberFormatException ex) {
      createdMillis = receivedMillis;
    }
    long age = Math.max(0, receivedMillis - createdMillis);
    return Duration.ofMillis(Math.max(0, INTERACTION_WINDOW.toMillis() - age));
  }

  @Override
  public void onSessionStarted(int shardId, String sessionId, String resumeUrl) {
    log.info("shard {}: new gateway session", shardId);
    checkpoints.sessionStarted(shardId, sessionId, resumeUrl);
  }

  @Override
  public void onSessionResuming(int shardId, String sessionId, String resumeUrl, long sequence) {
    checkpoints.resumingFrom(new GatewayCheckpoint(shardId, sessionId, resumeUrl, sequence));
  }

  @Override
  public void onSessionInvalidated(int shardId) {
    log.warn("shard {}: gateway session invalidated; it will identify afresh", shardId);
    checkpoints.sessionInvalidated(shardId);
  }
}
