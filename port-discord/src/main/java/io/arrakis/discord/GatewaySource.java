package io.arrakis.discord;

import java.util.Map;

/** Holds the gateway shards of one process and reports every dispatch to a {@link GatewaySink}. */
public interface GatewaySource extends AutoCloseable {

  /** Connects the shards (resuming sessions where a checkpoint exists). */
  void start(GatewaySink sink);

  /**
   * Stops reading without ending the sessions (Discord keeps them resumable), so a new process
   * resumes where this one stopped.
   */
  void stopReading();

  /** Shard id to whether it is connected and has a live session. */
  Map<Integer, Boolean> shardsConnected();

  @Override
  void close();
}
