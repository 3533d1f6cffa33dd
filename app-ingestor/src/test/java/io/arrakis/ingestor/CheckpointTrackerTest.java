package io.arrakis.ingestor;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.state.GatewayCheckpoint;
import io.arrakis.testkit.state.InMemoryGatewayCheckpointStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class CheckpointTrackerTest {
  private final InMemoryGatewayCheckpointStore store = new InMemoryGatewayCheckpointStore();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final CheckpointTracker tracker = new CheckpointTracker(store, metrics);

  @Test
  void givenConfirmsOutOfOrder_thenTheWatermarkWaitsForTheGap() throws Exception {
    tracker.sessionStarted(0, "s", "ws://r");
    for (long seq = 1; seq <= 4; seq++) {
      tracker.published(0, "s", seq);
    }
    tracker.settled(0, "s", 1);
    tracker.settled(0, "s", 3);
    tracker.settled(0, "s", 4);
    assertThat(tracker.watermark(0)).contains(1L);

    tracker.settled(0, "s", 2);
    tracker.flush();

    assertThat(tracker.watermark(0)).contains(4L);
    assertThat(store.load(0)).contains(new GatewayCheckpoint(0, "s", "ws://r", 4));
  }

  @Test
  void givenASettleFromAnOldSession_thenItIsIgnored() {
    tracker.sessionStarted(0, "new", "ws://r");
    tracker.published(0, "new", 1);
    tracker.settled(0, "old", 1);
    assertThat(tracker.watermark(0)).contains(0L);
  }

  @Test
  void givenAResumedSession_thenTheWatermarkStartsAtTheCheckpoint() throws Exception {
    tracker.resumingFrom(new GatewayCheckpoint(2, "s", "ws://r", 40));
    tracker.published(2, "s", 41);
    tracker.settled(2, "s", 41);
    tracker.flush();
    assertThat(store.load(2)).contains(new GatewayCheckpoint(2, "s", "ws://r", 41));
  }

  @Test
  void givenRedisDown_thenFlushFailsQuietlyAndRetriesLater() throws Exception {
    tracker.sessionStarted(0, "s", "ws://r");
    tracker.published(0, "s", 1);
    tracker.settled(0, "s", 1);
    store.setDown(true);
    tracker.flush();
    assertThat(metrics.counter("arrakis.ingestor.checkpoint.save.failures").count()).isEqualTo(1);

    store.setDown(false);
    tracker.flush();
    assertThat(store.load(0)).contains(new GatewayCheckpoint(0, "s", "ws://r", 1));
  }

  @Test
  void givenAnInvalidatedSession_thenItsCheckpointIsGone() throws Exception {
    store.save(new GatewayCheckpoint(1, "s", "ws://r", 9));
    tracker.sessionInvalidated(1);
    assertThat(store.load(1)).isEmpty();
    assertThat(tracker.watermark(1)).isEmpty();
  }
}
