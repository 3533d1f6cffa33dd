package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.tiers.TierHistoryEntry;
import java.time.Instant;
import java.util.List;

/** {@code tier_history}: append-only. */
public interface TierHistoryRepository {
  void append(CommunityId community, TierHistoryEntry entry);

  /** The community's entries changed at or after {@code since}, newest first. */
  List<TierHistoryEntry> since(CommunityId community, Instant since);
}
