package io.arrakis.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.state.GatewayCheckpoint;
import io.arrakis.state.GatewayCheckpointStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link GatewayCheckpointStore} does. */
public abstract class AbstractGatewayCheckpointStoreContractTest {
  private GatewayCheckpointStore store;

  /** A store with no checkpoints in it. */
  protected abstract GatewayCheckpointStore emptyStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = emptyStore();
  }

  @Test
  void givenNothingSaved_thenNothingLoads() throws Exception {
    assertThat(store.load(0)).isEmpty();
  }

  @Test
  void givenASavedCheckpoint_thenItLoadsAsSaved() throws Exception {
    GatewayCheckpoint checkpoint =
        new GatewayCheckpoint(3, "session-1", "wss://resume.example/", 1234);
    store.save(checkpoint);
    assertThat(store.load(3)).contains(checkpoint);
    assertThat(store.load(2)).isEmpty();
  }

  @Test
  void givenTwoSaves_thenTheLaterWins() throws Exception {
    store.save(new GatewayCheckpoint(1, "a", "ws://x", 10));
    store.save(new GatewayCheckpoint(1, "b", "", 2));
    assertThat(store.load(1)).contains(new GatewayCheckpoint(1, "b", "", 2));
  }

  @Test
  void givenAClearedShard_thenNothingLoads() throws Exception {
    store.save(new GatewayCheckpoint(5, "a", "ws://x", 10));
    store.clear(5);
    assertThat(store.load(5)).isEmpty();
  }
}
