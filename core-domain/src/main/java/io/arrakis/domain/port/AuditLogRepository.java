package io.arrakis.domain.port;

import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.common.CommunityId;
import java.time.Instant;

/** {@code audit_log}: append-only. */
public interface AuditLogRepository {
  void append(CommunityId community, AuditEvent event, Instant at);
}
