package io.arrakis.state;

import java.util.Objects;

/**
 * Where a gateway shard can resume: its session, the URL to resume at, and the last sequence number
 * whose dispatch the broker confirmed (never just received: resuming from it replays everything
 * that was not safely published).
 */
public record GatewayCheckpoint(int shardId, String sessionId, String resumeUrl, long sequence) {
  public GatewayCheckpoint {
    if (shardId < 0) {
      throw new IllegalArgumentException("shardId must not be negative: " + shardId);
    }
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(resumeUrl, "resumeUrl");
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must not be negative: " + sequence);
    }
  }
}
