package io.arrakis.discord;

import java.util.Objects;

/**
 * One dispatch (op 0) exactly as read off the gateway socket.
 *
 * @param shardId the shard whose connection carried it
 * @param sessionId the gateway session it belongs to
 * @param sequence its sequence number in that session
 * @param type the event name, e.g. {@code INTERACTION_CREATE}
 * @param data the frame's {@code d} value, byte for byte as received
 * @param receivedAtMicros when the frame was read, epoch microseconds
 */
public record GatewayDispatch(
    int shardId, String sessionId, long sequence, String type, byte[] data, long receivedAtMicros) {
  public GatewayDispatch {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
  }

  @Override
  public String toString() {
    // Never the data: interactions carry tokens.
    return "GatewayDispatch[shard "
        + shardId
        + " "
        + type
        + " #"
        + sequence
        + ", "
        + data.length
        + " bytes]";
  }
}
