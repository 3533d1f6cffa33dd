package io.arrakis.bot;

import io.arrakis.discord.MessagePayload;
import io.arrakis.state.CooldownStore;
import io.arrakis.state.RateLimiter;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits every slash command shares (spec §1.1): 5 interactions per second per user and 100 per
 * second per guild (sliding windows), and the per-user command cooldown {@code
 * cd:{command}:{userId}}. All live in Redis so they hold across workers; when Redis is unreachable
 * they fail open (spec §20): a user is never refused because the limiter is down.
 */
public final class CommandGate {
  private static final Logger log = LoggerFactory.getLogger(CommandGate.class);

  static final RateLimiter.Limit PER_USER = RateLimiter.Limit.perSecond(5);
  static final RateLimiter.Limit PER_GUILD = RateLimiter.Limit.perSecond(100);

  private final CooldownStore cooldowns;
  private final RateLimiter limiter;
  private final java.time.Clock clock;
  private final LongAdder failedOpen = new LongAdder();

  public CommandGate(CooldownStore cooldowns, RateLimiter limiter, java.time.Clock clock) {
    this.cooldowns = cooldowns;
    this.limiter = limiter;
    this.clock = clock;
  }

  /** The refusal to send, or empty when the user and guild are within their limits. */
  public Optional<MessagePayload> checkRate(long userId, long guildId) {
    try {
      if (limiter.tryAcquire("user:" + Long.toUnsignedString(userId), "interactions", PER_USER)
          instanceof RateLimiter.Limited) {
        return Optional.of(Replies.rateLimited());
      }
      if (limiter.tryAcquire("guild:" + Long.toUnsignedString(guildId), "interactions", PER_GUILD)
          instanceof RateLimiter.Limited) {
        return Optional.of(Replies.rateLimited());
      }
    } catch (StateUnavailableException ex) {
      failOpen("rate limit", ex);
    }
    return Optional.empty();
  }

  /** Starts the command's cooldown, or returns the COOLDOWN refusal while one runs. */
  public Optional<MessagePayload> checkCooldown(String command, long userId, Duration cooldown) {
    if (cooldown.isZero() || cooldown.isNegative()) {
      return Optional.empty();
    }
    try {
      if (cooldowns.tryStart(command, Long.toUnsignedString(userId), cooldown)
          instanceof CooldownStore.Cooling cooling) {
        return Optional.of(Replies.cooldown(clock.instant().plus(cooling.remaining())));
      }
    } catch (StateUnavailableException ex) {
      failOpen("cooldown", ex);
    }
    return Optional.empty();
  }

  /** Checks skipped because Redis was unreachable, since start. */
  public long failedOpen() {
    return failedOpen.sum();
  }

  private void failOpen(String what, StateUnavailableException ex) {
    failedOpen.increment();
    log.warn("{} skipped, state store unavailable: {}", what, ex.getMessage());
  }
}
