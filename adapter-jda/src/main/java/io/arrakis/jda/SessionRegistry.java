package io.arrakis.jda;

import io.arrakis.state.GatewayCheckpoint;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which shard owns which gateway session. A RESUME names only the session, so a connection learns
 * its shard from here; sessions come from READY frames and from the checkpoints loaded at start.
 */
final class SessionRegistry {
  private final Map<String, Integer> shardBySession = new ConcurrentHashMap<>();
  private final Map<Integer, GatewayCheckpoint> startCheckpoints = new ConcurrentHashMap<>();

  void remember(String sessionId, int shardId) {
    shardBySession.put(sessionId, shardId);
  }

  Optional<Integer> shardOf(String sessionId) {
    return Optional.ofNullable(shardBySession.get(sessionId));
  }

  /** A checkpoint to resume from when the shard first connects in this process. */
  void resumeFrom(GatewayCheckpoint checkpoint) {
    startCheckpoints.put(checkpoint.shardId(), checkpoint);
    remember(checkpoint.sessionId(), checkpoint.shardId());
  }

  /** The start checkpoint of a shard, handed out once. */
  Optional<GatewayCheckpoint> takeStartCheckpoint(int shardId) {
    return Optional.ofNullable(startCheckpoints.remove(shardId));
  }
}
