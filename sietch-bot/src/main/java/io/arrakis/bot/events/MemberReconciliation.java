package io.arrakis.bot.events;

import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.roles.DesiredRoles;
import io.arrakis.domain.roles.PendingRevocation;
import io.arrakis.domain.roles.ReconcileScope;
import io.arrakis.domain.roles.RoleFacts;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.roles.RolePlan;
import io.arrakis.domain.roles.RoleReconciler;
import io.arrakis.domain.tiers.TierPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reconciliation of one member outside a sync (spec §4.4): grants and immediate-class removals
 * only, so chain roles are only ever added. Audited {@code role_assigned} / {@code role_removed};
 * the actions' ids derive from the caller's key (the event, or the daily job's period and user), so
 * a retried event or period queues the same ones. Used by member events and by badge-check's
 * dynamic roles (§12).
 */
public final class MemberReconciliation {
  static final String REASON = "Sietch: member joined";

  private final Repositories repos;
  private final MemberFacts facts;

  public MemberReconciliation(Repositories repos) {
    this.repos = repos;
    this.facts = new MemberFacts(repos);
  }

  /** The roles {@code user} should hold now (spec §4.3). */
  Set<RoleKey> desired(CommunityConfig community, UserId user, Instant now) {
    return desired(community, facts.of(community.id(), user), now);
  }

  private static Set<RoleKey> desired(CommunityConfig community, RoleFacts f, Instant now) {
    TierPolicy tiers =
        new TierPolicy(
            community.eligibility(), community.tierThresholds(), community.token().decimals());
    return new DesiredRoles(tiers).of(f, now);
  }

  /**
   * @param audit write the audit rows (false when the same event runs again: its actions are queued
   *     again under the same ids, which the executor runs once)
   */
  List<DiscordAction> reconcile(
      String eventKey,
      CommunityConfig community,
      UserId user,
      Set<RoleKey> held,
      boolean audit,
      Instant now) {
    return reconcile(eventKey, community, user, held, REASON, "member_joined", audit, now);
  }

  /**
   * @param eventKey what the actions' ids derive from
   * @param reason the audit-log reason shown in Discord
   * @param auditReason the {@code reason} of the audit rows
   */
  public List<DiscordAction> reconcile(
      String eventKey,
      CommunityConfig community,
      UserId user,
      Set<RoleKey> held,
      String reason,
      String auditReason,
      boolean audit,
      Instant now) {
    RoleFacts f = facts.of(community.id(), user);
    Set<RoleKey> writable = EnumSet.noneOf(RoleKey.class);
    for (RoleKey key : RoleKey.values()) {
      community
          .roles()
          .writableRole(key, community.coexistenceMode())
          .ifPresent(r -> writable.add(key));
    }
    Map<RoleKey, Instant> pending =
        repos.roleRevocations().all(community.id()).stream()
            .filter(p -> p.userId().equals(user))
            .collect(Collectors.toMap(PendingRevocation::role, PendingRevocation::pendingSince));
    RolePlan plan =
        new RoleReconciler(community.eligibility().graceHours(), writable)
            .reconcile(
                user,
                desired(community, f, now),
                held,
                pending,
                f.profile().isPresent(),
                ReconcileScope.OUTSIDE_SYNC,
                false,
                now);
    List<DiscordAction> actions = new ArrayList<>();
    long guild = community.guildId().value();
    for (RoleKey key : plan.grants()) {
      Snowflake role =
          community.roles().writableRole(key, community.coexistenceMode()).orElseThrow();
      actions.add(
          new DiscordAction.AddRole(
              ActionQueue.id(eventKey, "role.add:" + role),
              guild,
              user.value(),
              role.value(),
              reason));
      if (audit) {
        audit(community, AuditType.ROLE_ASSIGNED, user, key, auditReason, now);
      }
    }
    for (RolePlan.Removal removal : plan.removals()) {
      Snowflake role =
          community.roles().writableRole(removal.role(), community.coexistenceMode()).orElseThrow();
      actions.add(
          new DiscordAction.RemoveRole(
              ActionQueue.id(eventKey, "role.remove:" + role),
              guild,
              user.value(),
              role.value(),
              reason));
      if (audit) {
        audit(community, AuditType.ROLE_REMOVED, user, removal.role(), "not_desired", now);
      }
    }
    return actions;
  }

  private void audit(
      CommunityConfig community,
      AuditType type,
      UserId user,
      RoleKey key,
      String reason,
      Instant now) {
    repos
        .auditLog()
        .append(
            community.id(),
            AuditEvent.system(type, "user", user, "role", key.key(), "reason", reason),
            now);
  }

  Optional<RankingEntry> walletEntry(CommunityConfig community, UserId user) {
    return facts.walletEntry(community.id(), user);
  }
}
