package io.arrakis.bot.setup;

import java.util.Objects;

/** A role or text channel the gateway reported created: what setup matches against its markers. */
public record CreatedEntity(long guildId, long id, String name, boolean textChannel) {
  public CreatedEntity {
    Objects.requireNonNull(name, "name");
  }
}
