package io.arrakis.bot.events;

import io.arrakis.bot.Transactions;
import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.activity.ActivityKind;
import io.arrakis.domain.activity.ActivityLedger;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.state.CooldownStore;
import io.arrakis.state.StateUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the points of one counted event (spec §11) to a member's balance, decay applied first. The
 * anti-spam windows are Redis markers {@code cd:activity-msg|react:{communityId}:{userId}}, set if
 * absent; with Redis down nothing is counted (no points rather than unlimited points, §20).
 */
final class ActivityCounter {
  private static final Logger log = LoggerFactory.getLogger(ActivityCounter.class);
  static final String MESSAGE_WINDOW = "activity-msg";
  static final String REACTION_WINDOW = "activity-react";

  private final Repositories repos;
  private final CooldownStore cooldowns;
  private final Transactions transactions;
  private final Clock clock;

  ActivityCounter(
      Repositories repos, CooldownStore cooldowns, Transactions transactions, Clock clock) {
    this.repos = repos;
    this.cooldowns = cooldowns;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The user's active profile, if any; reads in the community's transaction. */
  Optional<Profile> activeMember(CommunityConfig community, UserId user) {
    return transactions.inCommunity(
        community.id(),
        () -> repos.profiles().byUser(community.id(), user).filter(Profile::active));
  }

  /** Whether the member's window is open: starts it if so. Redis down counts as closed. */
  boolean windowOpen(CommunityConfig community, String window, UserId user, int seconds) {
    try {
      return cooldowns.tryStart(
              window + ":" + community.id(), user.toString(), Duration.ofSeconds(seconds))
          instanceof CooldownStore.Started;
    } catch (StateUnavailableException ex) {
      log.warn("activity of {} not counted, Redis unavailable: {}", user, ex.toString());
      return false;
    }
  }

  /** Records one counted event for the member. */
  void record(CommunityConfig community, Profile member, ActivityKind kind) {
    Instant now = clock.instant();
    ActivityLedger ledger = new ActivityLedger(community.activity());
    transactions.inCommunity(
        community.id(),
        () -> {
          ActivityBalance before =
              repos
                  .activity()
                  .find(community.id(), member.memberId())
                  .orElseGet(() -> ActivityBalance.start(member.memberId(), now));
          repos.activity().save(community.id(), ledger.record(before, kind, now));
          return null;
        });
  }
}
