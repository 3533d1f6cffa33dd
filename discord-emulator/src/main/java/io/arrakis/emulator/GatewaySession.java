package io.arrakis.emulator;

/**
 * One gateway session: its shard, intents, sequence counter and the replay buffer that makes RESUME
 * lossless. A session outlives its connections: after an abnormal drop it keeps buffering
 * dispatches until it is resumed or its resume window ends.
 *
 * <p>All state is guarded by {@code this}; sending while holding the lock is what keeps the wire
 * order equal to the sequence order.
 */
final class GatewaySession {
  final String id;
  final int shardId;
  final int shardCount;
  final int intents;
  final long createdAtMillis;
  private final Counters counters;
  private final byte[][] ring;
  private long seq;
  private GatewayConnection connection;
  private long detachedAtNanos;
  private boolean dead;

  GatewaySession(
      String id, int shardId, int shardCount, int intents, int bufferSize, Counters counters) {
    this.id = id;
    this.shardId = shardId;
    this.shardCount = shardCount;
    this.intents = intents;
    this.createdAtMillis = System.currentTimeMillis();
    this.counters = counters;
    this.ring = new byte[bufferSize][];
  }

  boolean wants(int intentBits) {
    return (intents & intentBits) == intentBits;
  }

  boolean routes(long guildId) {
    return guildId == 0 ? shardId == 0 : Snowflakes.shardOf(guildId, shardCount) == shardId;
  }

  /** Assigns the next sequence number, buffers the frame and sends it if connected; -1 if dead. */
  synchronized long dispatch(byte[] head, byte[] data) {
    if (dead) {
      return -1;
    }
    long s = ++seq;
    byte[] frame = Frames.dispatch(head, s, data);
    ring[(int) (s % ring.length)] = frame;
    counters.dispatched(shardId);
    if (connection != null) {
      connection.send(frame);
    }
    return s;
  }

  synchronized void attach(GatewayConnection c) {
    connection = c;
    detachedAtNanos = 0;
  }

  /** Outcome of a RESUME attempt. */
  enum ResumeOutcome {
    RESUMED,
    INVALID_SEQ,
    NOT_RESUMABLE
  }

  /**
   * Replays every buffered dispatch after {@code clientSeq} to the new connection, then RESUMED.
   * The previous connection, if any, is returned via {@code replaced[0]} for the caller to drop.
   */
  synchronized ResumeOutcome resume(
      GatewayConnection c, long clientSeq, GatewayConnection[] replaced) {
    if (dead) {
      return ResumeOutcome.NOT_RESUMABLE;
    }
    if (clientSeq > seq || clientSeq < 0) {
      return ResumeOutcome.INVALID_SEQ;
    }
    if (clientSeq + 1 <= seq - ring.length) {
      return ResumeOutcome.NOT_RESUMABLE;
    }
    if (connection != null && connection != c) {
      replaced[0] = connection;
    }
    connection = c;
    detachedAtNanos = 0;
    for (long s = clientSeq + 1; s <= seq; s++) {
      c.send(ring[(int) (s % ring.length)]);
      counters.inc("gateway.replayed");
    }
    dispatch(Frames.head("RESUMED"), "{\"_trace\":[\"[\\\"emulator\\\"]\"]}".getBytes());
    return ResumeOutcome.RESUMED;
  }

  /** Called when a connection ends without killing the session. */
  synchronized void detach(GatewayConnection c) {
    if (connection == c) {
      connection = null;
      detachedAtNanos = System.nanoTime();
    }
  }

  synchronized void kill() {
    dead = true;
    connection = null;
  }

  synchronized boolean isDead() {
    return dead;
  }

  synchronized GatewayConnection connection() {
    return connection;
  }

  synchronized boolean expired(long windowNanos, long nowNanos) {
    return !dead
        && connection == null
        && detachedAtNanos != 0
        && nowNanos - detachedAtNanos > windowNanos;
  }

  /** Frames queued towards the client and not yet written (0 while disconnected). */
  int backlog() {
    GatewayConnection c;
    synchronized (this) {
      c = connection;
    }
    return c == null ? 0 : c.backlog();
  }

  synchronized long seq() {
    return seq;
  }
}
