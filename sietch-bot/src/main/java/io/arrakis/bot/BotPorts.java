package io.arrakis.bot;

import io.arrakis.domain.port.BurnerRegistry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.state.CooldownStore;
import io.arrakis.state.Leases;
import io.arrakis.state.RateLimiter;
import io.arrakis.state.SessionStore;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything a handler may be constructed with: the repositories (PostgreSQL, under the
 * dispatcher's transaction), the burner registry, and the Redis state — sessions for wizards and
 * paging, cooldowns, sliding-window limits, leases (the setup-wizard and sync locks), and the
 * request for an immediate sync. Nothing in process memory may carry state from one interaction to
 * the next (spec §20): any worker must be able to serve the next click.
 */
public record BotPorts(
    Repositories repositories,
    BurnerRegistry burners,
    SessionStore sessions,
    CooldownStore cooldowns,
    RateLimiter limiter,
    Leases leases,
    SyncRequests syncRequests,
    Clock clock) {
  public BotPorts {
    Objects.requireNonNull(repositories, "repositories");
    Objects.requireNonNull(burners, "burners");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(cooldowns, "cooldowns");
    Objects.requireNonNull(limiter, "limiter");
    Objects.requireNonNull(leases, "leases");
    Objects.requireNonNull(syncRequests, "syncRequests");
    Objects.requireNonNull(clock, "clock");
  }
}
