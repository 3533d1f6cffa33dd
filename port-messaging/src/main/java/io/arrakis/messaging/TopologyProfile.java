package io.arrakis.messaging;

import java.util.Arrays;
import java.util.Locale;

/** How queues are built; see the adapter's README for when to use which. */
public enum TopologyProfile {
  /**
   * Classic queues with {@code x-max-priority} (the plan's): interactions overtake a backlog of
   * events. One broker node, or a cluster where losing a node's queues for a while is acceptable.
   */
  CLASSIC_PRIORITY("classic-priority"),
  /**
   * Replicated quorum queues for a 3-node cluster (Amazon MQ). RabbitMQ before 4.0 rejects {@code
   * x-max-priority} on them; interactions still have their own queue, so they never wait behind
   * events. A delivery limit dead-letters a message that keeps killing its consumer.
   */
  QUORUM("quorum");

  private final String configName;

  TopologyProfile(String configName) {
    this.configName = configName;
  }

  /** The value of {@code RABBITMQ_TOPOLOGY}. */
  public String configName() {
    return configName;
  }

  public static TopologyProfile fromConfig(String value) {
    return Arrays.stream(values())
        .filter(p -> p.configName.equals(value.trim().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "RABBITMQ_TOPOLOGY must be classic-priority or quorum, not '" + value + "'"));
  }
}
