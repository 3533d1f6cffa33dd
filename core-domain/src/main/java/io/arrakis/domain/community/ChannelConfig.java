package io.arrakis.domain.community;

import io.arrakis.domain.common.Snowflake;
import java.util.Optional;
import java.util.Set;

/** Channels the bot posts to, and the channels where activity counts (empty = every channel). */
public record ChannelConfig(
    Optional<Snowflake> theDoor,
    Optional<Snowflake> census,
    Optional<Snowflake> announcements,
    Set<Snowflake> activityChannelIds) {

  public ChannelConfig {
    activityChannelIds = Set.copyOf(activityChannelIds);
  }

  public static ChannelConfig unset() {
    return new ChannelConfig(Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
  }
}
