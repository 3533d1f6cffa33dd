package io.arrakis.bot.setup;

import java.util.Objects;

/**
 * What setup needs of a {@code GUILD_ROLE_CREATE} ({@code guild_id}, {@code role.id}, {@code
 * role.name}) or a {@code CHANNEL_CREATE} ({@code guild_id}, {@code id}, {@code name}; {@code
 * textChannel} when {@code type} is 0).
 */
public record CreatedEntity(long guildId, long id, String name, boolean textChannel) {
  public CreatedEntity {
    Objects.requireNonNull(name, "name");
  }

  /** Reads a created role or channel from an event's payload (the JSON adapter's job). */
  public interface Decoder {
    /**
     * @throws IllegalArgumentException the payload is not valid JSON or lacks a field (the message
     *     names the field)
     */
    CreatedEntity decode(String eventType, byte[] payload);
  }
}
