package io.arrakis.domain.activity;

import io.arrakis.domain.common.Decision;
import io.arrakis.domain.common.Snowflake;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an event counts at all (spec §11): only for active members, only in the community's guild
 * (never DMs), only in the activity channels when that list is non-empty, never for bots. The
 * per-member anti-spam windows are cooldown keys in Redis, outside the domain.
 */
public final class ActivityCounting {
  public static final String BOT = "ACTIVITY_BOT";
  public static final String DM = "ACTIVITY_DM";
  public static final String NOT_MEMBER = "ACTIVITY_NOT_MEMBER";
  public static final String CHANNEL = "ACTIVITY_CHANNEL_NOT_COUNTED";

  private ActivityCounting() {}

  /**
   * @param channelId the channel of the event; empty for a DM
   */
  public static Decision counts(
      boolean isBot,
      Optional<Snowflake> channelId,
      boolean activeMember,
      Set<Snowflake> activityChannels) {
    if (isBot) {
      return Decision.rejected(BOT, "Bots earn no activity.");
    }
    if (channelId.isEmpty()) {
      return Decision.rejected(DM, "DMs earn no activity.");
    }
    if (!activeMember) {
      return Decision.rejected(NOT_MEMBER, "Only active members earn activity.");
    }
    if (!activityChannels.isEmpty() && !activityChannels.contains(channelId.get())) {
      return Decision.rejected(CHANNEL, "Activity does not count in this channel.");
    }
    return Decision.allowed();
  }

  /** The author of a reacted message earns points when an active member and not the reactor. */
  public static boolean authorEarns(boolean authorActiveMember, boolean authorIsReactor) {
    return authorActiveMember && !authorIsReactor;
  }
}
