package io.arrakis.testkit.state;

import io.arrakis.state.GatewayCheckpoint;
import io.arrakis.state.GatewayCheckpointStore;
import io.arrakis.state.StateUnavailableException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Checkpoints in a map; can be switched "down" to test how callers degrade. */
public final class InMemoryGatewayCheckpointStore implements GatewayCheckpointStore {
  private final Map<Integer, GatewayCheckpoint> checkpoints = new ConcurrentHashMap<>();
  private volatile boolean down;

  /** Makes every call fail as if Redis were unreachable (or reachable again). */
  public void setDown(boolean down) {
    this.down = down;
  }

  private void check() throws StateUnavailableException {
    if (down) {
      throw new StateUnavailableException("in-memory store is down", new IllegalStateException());
    }
  }

  @Override
  public Optional<GatewayCheckpoint> load(int shardId) throws StateUnavailableException {
    check();
    return Optional.ofNullable(checkpoints.get(shardId));
  }

  @Override
  public void save(GatewayCheckpoint checkpoint) throws StateUnavailableException {
    check();
    checkpoints.put(checkpoint.shardId(), checkpoint);
  }

  @Override
  public void clear(int shardId) throws StateUnavailableException {
    check();
    checkpoints.remove(shardId);
  }
}
