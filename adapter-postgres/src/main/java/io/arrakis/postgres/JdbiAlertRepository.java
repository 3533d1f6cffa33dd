package io.arrakis.postgres;

import io.arrakis.domain.alerts.AlertFrequency;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.alerts.AlertType;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.AlertDeliveryUpdate;
import io.arrakis.domain.port.AlertRecord;
import io.arrakis.domain.port.AlertRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@code notification_preferences} and {@code alert_history}; the alert payload is stored as JSON
 * (see {@link Json}), and the last {@code naib_threat} challenger is read back from it.
 */
final class JdbiAlertRepository implements AlertRepository {
  private static final RowMapper<AlertPreferences> PREFERENCES =
      (rs, ctx) ->
          new AlertPreferences(
              new MemberId(Sql.uuid(rs, "member_id")),
              rs.getBoolean("position_updates"),
              rs.getBoolean("at_risk_warnings"),
              rs.getBoolean("naib_alerts"),
              AlertFrequency.fromId(rs.getString("frequency")).orElseThrow(),
              rs.getInt("alerts_sent_this_week"),
              Sql.instant(rs, "week_start"));
  private static final RowMapper<AlertDeliveryUpdate> UPDATED =
      (rs, ctx) ->
          new AlertDeliveryUpdate(
              Sql.uuid(rs, "id"),
              new UserId(rs.getLong("recipient_discord_id")),
              Optional.ofNullable(rs.getObject("member_id", UUID.class)).map(MemberId::new),
              alertType(rs.getString("alert_type")),
              Sql.instant(rs, "created_at"));
  private final Session session;

  JdbiAlertRepository(Session session) {
    this.session = session;
  }

  @Override
  public Optional<AlertPreferences> preferences(CommunityId community, MemberId member) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from notification_preferences where community_id = :c"
                        + " and member_id = :m")
                .bind("c", community.value())
                .bind("m", member.value())
                .map(PREFERENCES)
                .findOne());
  }

  @Override
  public List<AlertPreferences> allPreferences(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from notification_preferences where community_id = :c"
                        + " order by member_id")
                .bind("c", community.value())
                .map(PREFERENCES)
                .list());
  }

  @Override
  public void savePreferences(CommunityId community, AlertPreferences p) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into notification_preferences (community_id, member_id, position_updates,
                      at_risk_warnings, naib_alerts, frequency, alerts_sent_this_week, week_start)
                    values (:c, :m, :position, :atRisk, :naib, :frequency, :sent, :weekStart)
                    on conflict (community_id, member_id) do update set
                      position_updates = excluded.position_updates,
                      at_risk_warnings = excluded.at_risk_warnings,
                      naib_alerts = excluded.naib_alerts, frequency = excluded.frequency,
                      alerts_sent_this_week = excluded.alerts_sent_this_week,
                      week_start = excluded.week_start
                    """)
                .bind("c", community.value())
                .bind("m", p.memberId().value())
                .bind("position", p.positionUpdates())
                .bind("atRisk", p.atRiskWarnings())
                .bind("naib", p.naibAlerts())
                .bind("frequency", p.frequency().id())
                .bind("sent", p.alertsSentThisWeek())
                .bind("weekStart", p.weekStart())
                .execute());
  }

  @Override
  public void appendHistory(CommunityId community, AlertRecord r) {
    AlertType type = r.alert().type();
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into alert_history (id, community_id, recipient_discord_id, member_id,
                      recipient_type, alert_type, payload, critical, delivered, delivery_error,
                      created_at, delivered_at)
                    values (:id, :c, :recipient, :member, :recipientType, :type,
                      cast(:payload as jsonb), :critical, :delivered, :error, :at, :deliveredAt)
                    """)
                .bind("id", r.id())
                .bind("c", community.value())
                .bind("recipient", r.recipient().value())
                .bindByType("member", r.member().map(MemberId::value).orElse(null), UUID.class)
                .bind("recipientType", r.member().isPresent() ? "member" : "user")
                .bind("type", type.id())
                .bind("payload", Json.write(r.alert()))
                .bind("critical", type.critical())
                .bind("delivered", r.delivered())
                .bindByType("error", r.deliveryError().orElse(null), String.class)
                .bind("at", r.createdAt())
                .bindByType("deliveredAt", Sql.orNull(r.deliveredAt()), Instant.class)
                .execute());
  }

  @Override
  public Optional<AlertDeliveryUpdate> markDelivered(
      CommunityId community, UUID alertId, Instant at) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    """
                    update alert_history set delivered = true, delivered_at = :at
                    where community_id = :c and id = :id
                      and not delivered and delivery_error is null
                    returning id, recipient_discord_id, member_id, alert_type, created_at
                    """)
                .bind("c", community.value())
                .bind("id", alertId)
                .bind("at", at)
                .map(UPDATED)
                .findOne());
  }

  @Override
  public Optional<AlertDeliveryUpdate> markFailed(
      CommunityId community, UUID alertId, String error) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    """
                    update alert_history set delivery_error = :error
                    where community_id = :c and id = :id
                      and not delivered and delivery_error is null
                    returning id, recipient_discord_id, member_id, alert_type, created_at
                    """)
                .bind("c", community.value())
                .bind("id", alertId)
                .bind("error", error)
                .map(UPDATED)
                .findOne());
  }

  private static AlertType alertType(String id) {
    for (AlertType type : AlertType.values()) {
      if (type.id().equals(id)) {
        return type;
      }
    }
    throw new IllegalStateException("unknown alert type in alert_history: " + id);
  }

  @Override
  public Optional<MemberId> lastNaibThreatChallenger(CommunityId community, MemberId holder) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    """
                    select payload ->> 'challenger' from alert_history
                    where community_id = :c and member_id = :m and alert_type = 'naib_threat'
                    order by created_at desc, seq desc limit 1
                    """)
                .bind("c", community.value())
                .bind("m", holder.value())
                .mapTo(String.class)
                .findOne()
                .map(id -> new MemberId(UUID.fromString(id))));
  }
}
