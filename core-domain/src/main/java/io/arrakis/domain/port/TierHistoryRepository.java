package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.tiers.TierHistoryEntry;

/** {@code tier_history}: append-only. */
public interface TierHistoryRepository {
  void append(CommunityId community, TierHistoryEntry entry);
}
