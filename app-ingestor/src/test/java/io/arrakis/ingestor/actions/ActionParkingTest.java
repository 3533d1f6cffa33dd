package io.arrakis.ingestor.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.messaging.EnvelopeHeaders;
import io.arrakis.messaging.RetryPolicy;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyNames;
import io.arrakis.messaging.TopologyProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionParkingTest {

  @ParameterizedTest
  @CsvSource({
    "0, 100",
    "249, 100",
    "250, 250",
    "999, 500",
    "1000, 1000",
    "1999, 1000",
    "2000, 2000",
    "7000, 4000",
    "600000, 512000"
  })
  void givenAWait_thenTheLargestTierNotLongerThanItIsChosen(long waitMs, long tierMs) {
    assertThat(ActionParking.tierFor(Duration.ofMillis(waitMs)))
        .isEqualTo(Duration.ofMillis(tierMs));
  }

  @Test
  void givenAWaitOfHalfAnHour_thenAFewHopsCoverIt() {
    Duration left = Duration.ofMinutes(33);
    int hops = 0;
    while (left.compareTo(ActionParking.SHORTEST) >= 0) {
      left = left.minus(ActionParking.tierFor(left));
      hops++;
    }
    assertThat(hops).isLessThanOrEqualTo(12);
  }

  @Test
  void givenTheTopology_thenEachTierHasItsTtlAndReturnsThroughTheRetryReturnExchange() {
    Topology base =
        Topology.of(new TopologyNames("t"), TopologyProfile.QUORUM, RetryPolicy.STANDARD);

    Topology parking = ActionParking.topology(base);

    assertThat(parking.queues()).hasSize(ActionParking.TIERS.size());
    Topology.QueueSpec fourSeconds = parking.queue("t.actions.park.4s");
    assertThat(fourSeconds.arguments())
        .containsEntry("x-message-ttl", 4000L)
        .containsEntry("x-dead-letter-exchange", base.names().retryReturnExchange())
        .containsEntry("x-queue-type", "quorum");
    assertThat(parking.bindings())
        .anySatisfy(
            b -> {
              assertThat(b.exchange()).isEqualTo(base.names().retryExchange());
              assertThat(b.queue()).isEqualTo("t.actions.park.4s");
              assertThat(b.arguments()).containsEntry(EnvelopeHeaders.RETRY_DELAY, "park-4s");
            });
  }
}
