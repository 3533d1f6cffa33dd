package io.arrakis.bot.sync;

import io.arrakis.bot.Transactions;
import io.arrakis.bot.commands.Formats;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActions;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.effect.Effect;
import io.arrakis.domain.port.Repositories;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs a sync's effects in two steps. {@link #record} runs inside the sync's tenant
 * transaction: audit rows, alert history rows and weekly counters are written with the sync's own
 * state, and every Discord effect becomes a privileged action. {@link #publish} runs after the
 * commit and queues those actions for the ingestor (the only holder of the bot token).
 *
 * <p>Action ids are derived from the run (the new snapshot's id) and the target, {@code
 * sync:{run}:role.add:{user}:{role}}, so publishing a run's actions again executes them once. An
 * action that cannot be queued is logged and counted: a role is repaired by the next sync's
 * reconciliation (it compares with the roles members actually hold), an alert is marked failed.
 */
public final class EffectPerformer {
  private static final Logger log = LoggerFactory.getLogger(EffectPerformer.class);

  private final Repositories repos;
  private final AlertDelivery alerts;
  private final ChannelPosts posts;
  private final OnboardingInvitations onboarding;
  private final DiscordActions actions;
  private final Transactions transactions;
  private final Duration publishTimeout;
  private final Supplier<UUID> alertIds;

  public EffectPerformer(
      Repositories repos,
      AlertDelivery alerts,
      ChannelPosts posts,
      OnboardingInvitations onboarding,
      DiscordActions actions,
      Transactions transactions,
      Duration publishTimeout,
      Supplier<UUID> alertIds) {
    this.repos = repos;
    this.alerts = alerts;
    this.posts = posts;
    this.onboarding = onboarding;
    this.actions = actions;
    this.transactions = transactions;
    this.publishTimeout = publishTimeout;
    this.alertIds = alertIds;
  }

  /** What a run decided, recorded and ready to queue. */
  public record Recorded(
      List<DiscordAction> actions,
      int rolesGranted,
      int rolesRemoved,
      int alerts,
      int posts,
      int audits,
      int onboardings) {
    public Recorded {
      actions = List.copyOf(actions);
    }
  }

  /** Writes what belongs to the database and turns the rest into actions; in the transaction. */
  public Recorded record(
      CommunityConfig community, String runId, List<Effect> effects, Instant now) {
    CommunityId id = community.id();
    long guild = community.guildId().value();
    List<DiscordAction> out = new ArrayList<>();
    int granted = 0;
    int removed = 0;
    int alertCount = 0;
    int postCount = 0;
    int audits = 0;
    int onboardings = 0;
    for (Effect effect : effects) {
      if (effect instanceof Effect.GrantRole g) {
        out.add(
            new DiscordAction.AddRole(
                roleActionId(runId, "role.add", g.user().value(), g.discordRoleId().value()),
                guild,
                g.user().value(),
                g.discordRoleId().value(),
                g.reason()));
        granted++;
      } else if (effect instanceof Effect.RemoveRole r) {
        out.add(
            new DiscordAction.RemoveRole(
                roleActionId(runId, "role.remove", r.user().value(), r.discordRoleId().value()),
                guild,
                r.user().value(),
                r.discordRoleId().value(),
                r.reason()));
        removed++;
      } else if (effect instanceof Effect.PostToChannel p) {
        out.add(
            new DiscordAction.PostToChannel(
                "sync:" + runId + ":post:" + postCount,
                guild,
                p.channelId().value(),
                posts.render(community, p.post())));
        postCount++;
      } else if (effect instanceof Effect.RecordAudit a) {
        repos.auditLog().append(id, a.event(), now);
        audits++;
      } else if (effect instanceof Effect.SendAlert s) {
        out.add(alerts.queue(community, s, alertIds.get(), now));
        alertCount++;
      } else if (effect instanceof Effect.StartOnboarding o) {
        var invite =
            onboarding.invite(
                community,
                o.user(),
                "sync:" + runId + ":onboarding:" + Formats.id(o.user().value()));
        if (invite.isPresent()) {
          out.add(invite.get());
          onboardings++;
        }
      } else {
        throw new IllegalArgumentException("unknown effect " + effect);
      }
    }
    return new Recorded(out, granted, removed, alertCount, postCount, audits, onboardings);
  }

  private static String roleActionId(String runId, String kind, long user, long role) {
    return "sync:" + runId + ":" + kind + ":" + Formats.id(user) + ":" + Formats.id(role);
  }

  /**
   * Queues the recorded actions, after the commit, and waits for the broker's confirms.
   *
   * @return how many could not be queued
   */
  public int publish(CommunityConfig community, Recorded recorded, Instant now) {
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    for (DiscordAction action : recorded.actions()) {
      CompletableFuture<Void> f;
      try {
        f = actions.submit(action);
      } catch (RuntimeException ex) {
        f = CompletableFuture.failedFuture(ex);
      }
      pending.add(f);
    }
    long deadline = System.nanoTime() + publishTimeout.toNanos();
    int failed = 0;
    for (int i = 0; i < pending.size(); i++) {
      DiscordAction action = recorded.actions().get(i);
      try {
        pending.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        notQueued(community, action, ex, now);
        failed++;
      } catch (Exception ex) {
        notQueued(community, action, ex, now);
        failed++;
      }
    }
    return failed;
  }

  private void notQueued(
      CommunityConfig community, DiscordAction action, Exception ex, Instant now) {
    log.warn(
        "sync action {} of community {} not queued: {}",
        action.actionId(),
        community.id(),
        ex.toString());
    AlertDelivery.parse(action.actionId())
        .ifPresent(
            ref -> {
              try {
                transactions.inCommunity(
                    community.id(), () -> alerts.failed(ref, "not queued: " + ex, now));
              } catch (RuntimeException second) {
                log.warn("alert {} stays pending: {}", ref.alertId(), second.toString());
              }
            });
  }
}
