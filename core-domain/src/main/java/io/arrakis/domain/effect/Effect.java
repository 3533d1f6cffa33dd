package io.arrakis.domain.effect;

import io.arrakis.domain.alerts.Alert;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.roles.RoleKey;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Something a use case decided should happen outside the domain. Use cases return effects; callers
 * perform them (publish Discord actions, deliver DMs, append audit rows).
 */
public sealed interface Effect {

  /** Audit types that record that a run happened rather than that something changed. */
  Set<AuditType> ROUTINE_AUDITS =
      EnumSet.of(
          AuditType.ELIGIBILITY_UPDATE, AuditType.NAIB_SEATS_EVALUATED, AuditType.TIER_ROLE_SYNC);

  /**
   * True for the per-run bookkeeping every successful sync produces even when nothing changed (the
   * census post and the run-summary audits); false for effects caused by a change.
   */
  default boolean routine() {
    return false;
  }

  record GrantRole(UserId user, RoleKey role, Snowflake discordRoleId, String reason)
      implements Effect {}

  record RemoveRole(UserId user, RoleKey role, Snowflake discordRoleId, String reason)
      implements Effect {}

  /**
   * Deliver an alert DM; gating (toggles, weekly cap) was already applied. The deliverer inserts
   * the {@code alert_history} row, sends, and counts non-critical member alerts.
   */
  record SendAlert(UserId recipient, Optional<MemberId> member, Alert alert) implements Effect {}

  record PostToChannel(ChannelKey channel, Snowflake channelId, ChannelPost post)
      implements Effect {
    @Override
    public boolean routine() {
      return post instanceof ChannelPost.Census;
    }
  }

  record RecordAudit(AuditEvent event) implements Effect {
    @Override
    public boolean routine() {
      return ROUTINE_AUDITS.contains(event.type());
    }
  }

  /** Start the DM onboarding wizard (idempotent on the caller's side). */
  record StartOnboarding(UserId user) implements Effect {}
}
