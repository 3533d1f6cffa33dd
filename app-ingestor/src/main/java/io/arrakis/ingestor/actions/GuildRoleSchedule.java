package io.arrakis.ingestor.actions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Gives each member-role change of a guild its own moment, spaced by the guild's role bucket
 * ({@link GuildRolePace#interval()}): the first at once, each next one an interval after the last
 * reserved. A sync of 2,000 roles in one guild thus gets 2,000 moments spread at Discord's pace,
 * each action is parked once until its moment, and no consumer thread waits in the bucket — other
 * guilds' actions flow past.
 *
 * <p>Kept in this process: a guild's actions go to the one ingestor holding its shard. After a
 * takeover the new process starts empty while moments reserved by the old one are still parked; the
 * two can overlap for one backlog, and JDA's own bucket handling absorbs that (waits, no 429).
 * Thread-safe.
 */
public final class GuildRoleSchedule {
  /** Past this many guilds, those with no moment ahead are forgotten. */
  static final int PRUNE_AT = 10_000;

  private final Duration interval;
  private final Clock clock;
  private final Map<Long, Instant> next = new HashMap<>();

  public GuildRoleSchedule(GuildRolePace pace, Clock clock) {
    this.interval = Objects.requireNonNull(pace, "pace").interval();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Reserves the guild's next moment for one role change: now, or later if others are ahead. */
  public synchronized Instant reserve(long guildId) {
    Instant now = clock.instant();
    if (next.size() >= PRUNE_AT) {
      next.values().removeIf(at -> !at.isAfter(now));
    }
    Instant free = next.getOrDefault(guildId, now);
    Instant slot = free.isAfter(now) ? free : now;
    next.put(guildId, slot.plus(interval));
    return slot;
  }
}
