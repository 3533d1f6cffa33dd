package io.arrakis.discord;

import java.time.Instant;

/** Discord ids: 64-bit snowflakes whose top 42 bits are milliseconds since 2015-01-01 UTC. */
public final class Snowflake {
  /** Discord's epoch, the first millisecond of 2015 (UTC). */
  public static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

  private Snowflake() {}

  /** When the entity with this id was created. */
  public static Instant createdAt(long id) {
    return Instant.ofEpochMilli((id >>> 22) + DISCORD_EPOCH_MILLIS);
  }

  /** The id as Discord writes it (unsigned decimal). */
  public static String format(long id) {
    return Long.toUnsignedString(id);
  }
}
