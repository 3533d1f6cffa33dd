package io.arrakis.discord;

import java.util.Objects;
import java.util.Optional;

/**
 * A Discord user as an interaction names it: the acting user, or one resolved from an option or a
 * select. {@code globalName} is the display name users choose (absent when unset).
 */
public record DiscordUser(long id, String username, Optional<String> globalName, boolean bot) {
  public DiscordUser {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(globalName, "globalName");
  }

  /** What Discord shows: the global name when set, else the username. */
  public String displayName() {
    return globalName.orElse(username);
  }
}
