package io.arrakis.bot.jobs;

import io.arrakis.bot.sync.AlertDelivery;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActions;
import io.arrakis.domain.alerts.Alert;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.effect.Effect;
import io.arrakis.domain.profile.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends {@code badge_award} (spec §13.2) for an automatic award through the sync's alert pipeline:
 * the {@code alert_history} row and the DM action, queued inside the community's transaction. A DM
 * that cannot be queued fails the community's run, so its awards roll back and the next check
 * awards (and announces) them again.
 */
public final class BadgeAwardAlerts implements BadgeCheckJob.AwardNotifier {
  static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(10);

  private final AlertDelivery delivery;
  private final DiscordActions actions;

  public BadgeAwardAlerts(AlertDelivery delivery, DiscordActions actions) {
    this.delivery = delivery;
    this.actions = actions;
  }

  @Override
  public void awarded(
      CommunityConfig community,
      Profile member,
      BadgeDefinition badge,
      String reason,
      Instant now) {
    Alert alert =
        new Alert.BadgeAward(
            badge.id(),
            badge.name(),
            badge.emoji(),
            badge.description(),
            Optional.of(reason),
            Optional.empty());
    DiscordAction.SendDirectMessage dm =
        delivery.queue(
            community,
            new Effect.SendAlert(member.userId(), Optional.of(member.memberId()), alert),
            UUID.randomUUID(),
            now);
    try {
      actions.submit(dm).get(QUEUE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException ex) {
      throw new IllegalStateException("the badge_award DM could not be queued: " + ex, ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while queueing the badge_award DM", ex);
    }
  }
}
