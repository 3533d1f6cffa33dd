package io.arrakis.ingestor.actions;

import java.time.Duration;
import java.util.Objects;

/**
 * Discord's per-guild bucket for member-role changes: {@code changes} per {@code window} (about 10
 * per 10 s; {@code ACTION_GUILD_ROLE_CHANGES}, {@code ACTION_GUILD_ROLE_WINDOW_MS}). Discord does
 * not publish it; JDA still honours the bucket headers Discord sends, so setting it too high costs
 * waits in JDA (holding threads), never 429s.
 */
public record GuildRolePace(int changes, Duration window) {
  public static final GuildRolePace DISCORD = new GuildRolePace(10, Duration.ofSeconds(10));

  public GuildRolePace {
    Objects.requireNonNull(window, "window");
    if (changes < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "need at least one change per positive window: " + changes + " per " + window);
    }
  }

  /** The spacing between two role changes in one guild. */
  public Duration interval() {
    return window.dividedBy(changes);
  }
}
