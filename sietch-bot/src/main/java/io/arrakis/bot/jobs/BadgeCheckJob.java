package io.arrakis.bot.jobs;

import io.arrakis.bot.events.MemberReconciliation;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActions;
import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.badges.BadgeCriteria;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.BadgeFacts;
import io.arrakis.domain.badges.BadgeRules;
import io.arrakis.domain.badges.CriteriaType;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.ActivityRepository;
import io.arrakis.domain.port.AuditLogRepository;
import io.arrakis.domain.port.BadgeRepository;
import io.arrakis.domain.port.MemberRoles;
import io.arrakis.domain.port.ProfileRepository;
import io.arrakis.domain.profile.Profile;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code badge-check} (spec §9, §18): daily, the tenure and activity badges for every active
 * member, and the founding-fedaykin catch-up (onboarding order), by the domain's {@link
 * BadgeCriteria}; {@link BadgeRules#automaticAward} keeps it from re-awarding a revoked badge.
 * Awards are recorded, audited and announced through the {@link AwardNotifier} ({@code
 * badge_award}). Then the dynamic roles of §12: every active member in the guild is reconciled
 * outside a sync (grants and immediate-class removals, {@link MemberReconciliation}), because
 * Veteran and Engaged change with time and activity; the role actions are queued inside the
 * community's transaction under ids of the period and user, so a rerun queues the same ones.
 */
public final class BadgeCheckJob implements ScheduledJob {
  public static final String NAME = "badge-check";

  /** Criteria the daily check evaluates; the others are awarded when they happen. */
  static final Set<CriteriaType> CHECKED =
      EnumSet.of(
          CriteriaType.TENURE_OG,
          CriteriaType.TENURE_DAYS,
          CriteriaType.ACTIVITY_PEAK,
          CriteriaType.ONBOARDING_ORDER);

  static final String REASON = "daily badge check";
  static final String ROLE_REASON = "Sietch: daily role check";
  static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(10);

  /** Told of every automatic award, inside the community's transaction. */
  @FunctionalInterface
  public interface AwardNotifier {
    void awarded(
        CommunityConfig community,
        Profile member,
        BadgeDefinition badge,
        String reason,
        Instant now);
  }

  private final CommunitySweep sweep;
  private final ProfileRepository profiles;
  private final BadgeRepository badges;
  private final ActivityRepository activity;
  private final AuditLogRepository auditLog;
  private final AwardNotifier notifier;
  private final MemberRoles memberRoles;
  private final MemberReconciliation reconciliation;
  private final DiscordActions actions;
  private final Clock clock;

  public BadgeCheckJob(
      CommunitySweep sweep,
      ProfileRepository profiles,
      BadgeRepository badges,
      ActivityRepository activity,
      AuditLogRepository auditLog,
      AwardNotifier notifier,
      MemberRoles memberRoles,
      MemberReconciliation reconciliation,
      DiscordActions actions,
      Clock clock) {
    this.sweep = sweep;
    this.profiles = profiles;
    this.badges = badges;
    this.activity = activity;
    this.auditLog = auditLog;
    this.notifier = notifier;
    this.memberRoles = memberRoles;
    this.reconciliation = reconciliation;
    this.actions = actions;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String cron() {
    return "0 0 * * *";
  }

  @Override
  public Duration maxDuration() {
    return Duration.ofSeconds(300);
  }

  @Override
  public JobResult run(JobPeriod period) {
    return sweep.run(
        NAME,
        period,
        (community, tally) -> {
          List<BadgeDefinition> automatic =
              badges.catalogue(community.id()).stream()
                  .filter(b -> b.criteria().map(CHECKED::contains).orElse(false))
                  .toList();
          Instant now = clock.instant();
          Map<String, MemberBadge> held =
              badges.all(community.id()).stream()
                  .collect(
                      Collectors.toMap(
                          b -> b.memberId().value() + "/" + b.badgeId(), Function.identity()));
          List<Profile> active =
              profiles.all(community.id()).stream().filter(Profile::active).toList();
          for (Profile member : active) {
            tally.add("members", 1);
            tally.add("awarded", check(community, member, automatic, held, now));
          }
          tally.add("role_changes", reconcileRoles(community, active, period, now));
        });
  }

  /** §12 for every active member who is in the guild; returns the role actions queued. */
  private int reconcileRoles(
      CommunityConfig community, List<Profile> active, JobPeriod period, Instant now) {
    Set<UserId> users = active.stream().map(Profile::userId).collect(Collectors.toSet());
    List<DiscordAction> queued = new ArrayList<>();
    memberRoles
        .guildMembers(community.id(), users)
        .forEach(
            (user, held) ->
                queued.addAll(
                    reconciliation.reconcile(
                        NAME + ":" + period.start().getEpochSecond() + ":" + user.value(),
                        community,
                        user,
                        held,
                        ROLE_REASON,
                        "daily_check",
                        true,
                        now)));
    for (DiscordAction action : queued) {
      try {
        actions.submit(action).get(QUEUE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException ex) {
        // the community's run fails and rolls back its audits; the next check queues them again
        throw new IllegalStateException("a role action could not be queued: " + ex, ex);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while queueing role actions", ex);
      }
    }
    return queued.size();
  }

  private int check(
      CommunityConfig community,
      Profile member,
      List<BadgeDefinition> automatic,
      Map<String, MemberBadge> held,
      Instant now) {
    CommunityId id = community.id();
    BigDecimal peak =
        activity
            .find(id, member.memberId())
            .map(ActivityBalance::peakBalance)
            .orElse(BigDecimal.ZERO);
    long activeBadges =
        held.values().stream()
            .filter(b -> b.memberId().equals(member.memberId()) && b.active())
            .count();
    BadgeFacts facts =
        new BadgeFacts(
            member.createdAt(),
            community.members().launchDate(),
            community.members().ogWindowDays(),
            peak,
            member.tier(),
            (int) activeBadges,
            profiles.countCreatedBefore(id, member.createdAt()),
            now);
    int awarded = 0;
    for (BadgeDefinition badge : automatic) {
      Optional<MemberBadge> existing =
          Optional.ofNullable(held.get(member.memberId().value() + "/" + badge.id()));
      if (!BadgeRules.automaticAward(existing).isAllowed()
          || !BadgeCriteria.qualifies(badge, facts)) {
        continue;
      }
      badges.save(
          id,
          new MemberBadge(
              UUID.randomUUID(),
              member.memberId(),
              badge.id(),
              now,
              Optional.empty(),
              Optional.of(REASON),
              Optional.empty()));
      auditLog.append(
          id,
          AuditEvent.system(
              AuditType.BADGE_AWARDED,
              "badge",
              badge.id(),
              "member",
              member.memberId().value(),
              "awarded_by",
              AuditEvent.SYSTEM,
              "reason",
              REASON),
          now);
      notifier.awarded(community, member, badge, REASON, now);
      awarded++;
    }
    return awarded;
  }
}
