package io.arrakis.emulator;

/**
 * What a simulated user action produced: the interaction (or message) id, the interaction token
 * (null for plain events), and where it went on the gateway.
 *
 * @param id the interaction id (or message id for messages and reactions)
 * @param token the interaction token, null for non-interaction events
 * @param shard the shard the event was routed to
 * @param seq the sequence number it got on that shard's session, -1 if no session took it
 */
public record InteractionRef(long id, String token, int shard, long seq) {
  public String idString() {
    return Long.toUnsignedString(id);
  }
}
