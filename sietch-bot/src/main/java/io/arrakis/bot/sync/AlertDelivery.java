package io.arrakis.bot.sync;

import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.effect.Effect;
import io.arrakis.domain.port.AlertDeliveryUpdate;
import io.arrakis.domain.port.AlertRecord;
import io.arrakis.domain.port.Repositories;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Alert delivery of spec §13.3 over the actions path: {@link #queue} inserts the {@code
 * alert_history} row (not delivered), counts a non-critical member alert against the weekly cap and
 * returns the DM whose action id carries the row; the ingestor's {@code ACTION_DONE} / {@code
 * ACTION_FAILED} for that id end in {@link #delivered} / {@link #failed}. All inside the caller's
 * tenant transaction.
 *
 * <p>The counter is raised when the DM is queued, not when it is delivered: the next sync's gate
 * must see it even if the outcome event is late; a failed DM gives the count back.
 */
public final class AlertDelivery {
  /** {@code alert:{communityId}:{alertId}}: the DM's action id, how its outcome finds the row. */
  static final String PREFIX = "alert:";

  private final Repositories repos;

  public AlertDelivery(Repositories repos) {
    this.repos = repos;
  }

  public DiscordAction.SendDirectMessage queue(
      CommunityConfig community, Effect.SendAlert alert, UUID alertId, Instant now) {
    CommunityId id = community.id();
    repos
        .alerts()
        .appendHistory(
            id,
            new AlertRecord(
                alertId,
                alert.recipient(),
                alert.member(),
                alert.alert(),
                false,
                Optional.empty(),
                now,
                Optional.empty()));
    if (!alert.alert().type().critical()) {
      alert
          .member()
          .flatMap(m -> repos.alerts().preferences(id, m))
          .ifPresent(
              p -> repos.alerts().savePreferences(id, p.afterDelivery(alert.alert().type())));
    }
    return new DiscordAction.SendDirectMessage(
        actionId(id, alertId),
        alert.recipient().value(),
        AlertMessages.render(community, alert.alert()),
        "alert:" + alert.alert().type().id());
  }

  static String actionId(CommunityId community, UUID alertId) {
    return PREFIX + community.value() + ":" + alertId;
  }

  /** The community and row of an alert DM's action id; empty for any other action. */
  static Optional<AlertRef> parse(String actionId) {
    if (!actionId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = actionId.substring(PREFIX.length()).split(":");
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException("expected alert:{communityId}:{alertId}");
      }
      return Optional.of(
          new AlertRef(new CommunityId(UUID.fromString(parts[0])), UUID.fromString(parts[1])));
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException(
          "malformed alert action id '" + actionId + "': " + ex.getMessage(), ex);
    }
  }

  /** An alert row named by an action id. */
  record AlertRef(CommunityId community, UUID alertId) {}

  /** The DM arrived: mark it delivered and audit {@code alert_sent}; a replay changes nothing. */
  public boolean delivered(AlertRef ref, Instant at) {
    Optional<AlertDeliveryUpdate> updated =
        repos.alerts().markDelivered(ref.community(), ref.alertId(), at);
    updated.ifPresent(u -> audit(ref.community(), AuditType.ALERT_SENT, u, null, at));
    return updated.isPresent();
  }

  /**
   * Discord refused the DM (closed DMs, unknown user): store the error, audit {@code alert_failed}
   * and give back the weekly count of a non-critical member alert of the current week. No retry.
   */
  public boolean failed(AlertRef ref, String error, Instant at) {
    Optional<AlertDeliveryUpdate> updated =
        repos.alerts().markFailed(ref.community(), ref.alertId(), error);
    updated.ifPresent(
        u -> {
          audit(ref.community(), AuditType.ALERT_FAILED, u, error, at);
          if (!u.type().critical()) {
            u.member()
                .flatMap(m -> repos.alerts().preferences(ref.community(), m))
                .filter(p -> !u.createdAt().isBefore(p.weekStart()) && p.alertsSentThisWeek() > 0)
                .ifPresent(p -> repos.alerts().savePreferences(ref.community(), giveBack(p)));
          }
        });
    return updated.isPresent();
  }

  private static AlertPreferences giveBack(AlertPreferences p) {
    return new AlertPreferences(
        p.memberId(),
        p.positionUpdates(),
        p.atRiskWarnings(),
        p.naibAlerts(),
        p.frequency(),
        p.alertsSentThisWeek() - 1,
        p.weekStart());
  }

  private void audit(
      CommunityId community,
      AuditType type,
      AlertDeliveryUpdate u,
      @org.jspecify.annotations.Nullable String error,
      Instant at) {
    AuditEvent event =
        error == null
            ? AuditEvent.system(
                type, "recipient", u.recipient(), "type", u.type().id(), "alert", u.id())
            : AuditEvent.system(
                type,
                "recipient",
                u.recipient(),
                "type",
                u.type().id(),
                "alert",
                u.id(),
                "error",
                error);
    repos.auditLog().append(community, event, at);
  }
}
