package io.arrakis.testkit.domain;

import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.AuditLogRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The audit log, append-only, per community. */
public final class InMemoryAuditLogRepository implements AuditLogRepository {
  /** An appended audit row. */
  public record Entry(AuditEvent event, Instant at) {}

  private final Map<CommunityId, List<Entry>> rows = new HashMap<>();

  @Override
  public synchronized void append(CommunityId community, AuditEvent event, Instant at) {
    rows.computeIfAbsent(community, k -> new ArrayList<>()).add(new Entry(event, at));
  }

  /** What was appended for the community, in order. */
  public synchronized List<Entry> entries(CommunityId community) {
    return List.copyOf(rows.getOrDefault(community, List.of()));
  }
}
