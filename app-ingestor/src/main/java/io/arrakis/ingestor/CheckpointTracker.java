package io.arrakis.ingestor;

import io.arrakis.state.GatewayCheckpoint;
import io.arrakis.state.GatewayCheckpointStore;
import io.arrakis.state.StateUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per shard, the last sequence number up to which every dispatch was settled by the broker (the
 * watermark), and writing it to the checkpoint store. A dispatch still awaiting its confirm holds
 * the watermark back, so a restart resumes before it and Discord replays it.
 */
final class CheckpointTracker {
  private static final Logger log = LoggerFactory.getLogger(CheckpointTracker.class);

  private final GatewayCheckpointStore store;
  private final Map<Integer, ShardProgress> shards = new ConcurrentHashMap<>();
  private final Counter saveFailures;
  private volatile long lastFailureLog;

  CheckpointTracker(GatewayCheckpointStore store, MeterRegistry registry) {
    this.store = store;
    this.saveFailures = registry.counter("arrakis.ingestor.checkpoint.save.failures");
  }

  /** The session a shard will resume at start (its watermark is where it resumes). */
  void resumingFrom(GatewayCheckpoint checkpoint) {
    shards.put(
        checkpoint.shardId(),
        new ShardProgress(checkpoint.sessionId(), checkpoint.resumeUrl(), checkpoint.sequence()));
  }

  void sessionStarted(int shard, String sessionId, String resumeUrl) {
    shards.put(shard, new ShardProgress(sessionId, resumeUrl, 0));
  }

  void sessionInvalidated(int shard) {
    shards.remove(shard);
    try {
      store.clear(shard);
    } catch (StateUnavailableException ex) {
      logFailure(ex);
    }
  }

  /** A dispatch was handed to the publisher. */
  void published(int shard, String sessionId, long seq) {
    ShardProgress progress = shards.get(shard);
    if (progress != null && progress.sessionId.equals(sessionId)) {
      progress.pending.putIfAbsent(seq, Boolean.FALSE);
    }
  }

  /** The broker settled it (confirmed, or it was deliberately dropped). */
  void settled(int shard, String sessionId, long seq) {
    ShardProgress progress = shards.get(shard);
    if (progress == null || !progress.sessionId.equals(sessionId)) {
      return;
    }
    synchronized (progress) {
      progress.pending.replace(seq, Boolean.TRUE);
      Map.Entry<Long, Boolean> first;
      while ((first = progress.pending.firstEntry()) != null && first.getValue()) {
        progress.watermark = Math.max(progress.watermark, first.getKey());
        progress.pending.remove(first.getKey());
        progress.dirty = true;
      }
    }
  }

  /** The watermark of a shard, for health and tests. */
  Optional<Long> watermark(int shard) {
    return Optional.ofNullable(shards.get(shard)).map(p -> p.watermark);
  }

  /** Writes every changed watermark; Redis being down only delays this (logged, counted). */
  void flush() {
    for (Map.Entry<Integer, ShardProgress> entry : shards.entrySet()) {
      ShardProgress progress = entry.getValue();
      GatewayCheckpoint checkpoint;
      synchronized (progress) {
        if (!progress.dirty) {
          continue;
        }
        progress.dirty = false;
        checkpoint =
            new GatewayCheckpoint(
                entry.getKey(), progress.sessionId, progress.resumeUrl, progress.watermark);
      }
      try {
        store.save(checkpoint);
      } catch (StateUnavailableException ex) {
        synchronized (progress) {
          progress.dirty = true;
        }
        logFailure(ex);
      }
    }
  }

  private void logFailure(StateUnavailableException ex) {
    saveFailures.increment();
    long now = System.currentTimeMillis();
    if (now - lastFailureLog > 10_000) {
      lastFailureLog = now;
      log.warn(
          "cannot write gateway checkpoints ({}); a restart now would replay more",
          ex.getMessage());
    }
  }

  private static final class ShardProgress {
    final String sessionId;
    final String resumeUrl;
    final ConcurrentSkipListMap<Long, Boolean> pending = new ConcurrentSkipListMap<>();
    long watermark;
    boolean dirty;

    ShardProgress(String sessionId, String resumeUrl, long watermark) {
      this.sessionId = sessionId;
      this.resumeUrl = resumeUrl;
      this.watermark = watermark;
    }
  }
}
