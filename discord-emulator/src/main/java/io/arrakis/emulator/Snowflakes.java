package io.arrakis.emulator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Real Discord snowflakes: {@code (ms since 2015-01-01) << 22 | worker << 17 | process << 12 |
 * increment}. Clients derive creation time (and interaction expiry) from them, and shards route by
 * {@code (id >> 22) % shards}, so the timestamp part must be honest.
 */
public final class Snowflakes {
  /** Discord's epoch, the first millisecond of 2015 (UTC). */
  public static final long DISCORD_EPOCH = 1420070400000L;

  private final EmulatorClock clock;
  private final AtomicLong increment = new AtomicLong();

  Snowflakes(EmulatorClock clock) {
    this.clock = clock;
  }

  /** A fresh id stamped with the emulator's current time. */
  public long next() {
    return at(clock.millis());
  }

  /** A fresh id stamped with the given epoch millisecond (used to spread seeded guilds). */
  public long at(long epochMillis) {
    long inc = increment.getAndIncrement() & 0xFFF;
    return ((epochMillis - DISCORD_EPOCH) << 22) | (1L << 17) | (1L << 12) | inc;
  }

  /** The epoch millisecond a snowflake was created at. */
  public static long timestampOf(long snowflake) {
    return (snowflake >>> 22) + DISCORD_EPOCH;
  }

  /** Which shard of {@code shardCount} a guild lives on. */
  public static int shardOf(long guildId, int shardCount) {
    return (int) ((guildId >>> 22) % shardCount);
  }
}
