package io.arrakis.postgres;

import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.AuditLogRepository;
import java.time.Instant;

/** {@code audit_log}: append-only (the application role has no UPDATE or DELETE on it). */
final class JdbiAuditLogRepository implements AuditLogRepository {
  private final Session session;

  JdbiAuditLogRepository(Session session) {
    this.session = session;
  }

  @Override
  public void append(CommunityId community, AuditEvent event, Instant at) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into audit_log (community_id, event_type, actor, payload, created_at)
                    values (:c, :type, :actor, cast(:payload as jsonb), :at)
                    """)
                .bind("c", community.value())
                .bind("type", event.type().id())
                .bind("actor", event.actor())
                .bind("payload", Json.object(event.payload()))
                .bind("at", at)
                .execute());
  }
}
