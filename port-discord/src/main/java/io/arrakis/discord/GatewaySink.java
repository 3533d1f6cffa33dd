package io.arrakis.discord;

/**
 * Receives what a {@link GatewaySource} reads. Called on the socket's reading thread, before the
 * gateway library processes the frame: implementations must be quick and must not throw.
 */
public interface GatewaySink {

  /** A dispatch, in sequence order per shard. */
  void onDispatch(GatewayDispatch dispatch);

  /** A shard started a new session (READY): later dispatches belong to it. */
  void onSessionStarted(int shardId, String sessionId, String resumeUrl);

  /**
   * A shard is about to resume a session a previous process held, from {@code sequence}: later
   * dispatches of that session replay what came after it.
   */
  void onSessionResuming(int shardId, String sessionId, String resumeUrl, long sequence);

  /** A shard's session was invalidated: it can no longer be resumed. */
  void onSessionInvalidated(int shardId);
}
