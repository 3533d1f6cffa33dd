package io.arrakis.domain.port;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether the bot is in the community's guild (spec §17: guild create and delete).
 *
 * @param inGuild the bot is in the guild
 * @param activeWhenLeft the community was active (deployed) when the bot was removed: it is
 *     reactivated with its data when the bot comes back
 * @param changedAt when the bot last joined or left
 */
public record GuildPresence(boolean inGuild, boolean activeWhenLeft, Instant changedAt) {
  public GuildPresence {
    Objects.requireNonNull(changedAt, "changedAt");
  }

  public static GuildPresence joined(Instant at) {
    return new GuildPresence(true, false, at);
  }

  public static GuildPresence left(boolean wasActive, Instant at) {
    return new GuildPresence(false, wasActive, at);
  }
}
