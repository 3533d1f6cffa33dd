package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.TierHistoryRepository;
import io.arrakis.domain.tiers.TierHistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tier history, append-only, per community. */
public final class InMemoryTierHistoryRepository implements TierHistoryRepository {
  private final Map<CommunityId, List<TierHistoryEntry>> rows = new HashMap<>();

  @Override
  public synchronized void append(CommunityId community, TierHistoryEntry entry) {
    rows.computeIfAbsent(community, k -> new ArrayList<>()).add(entry);
  }

  @Override
  public synchronized List<TierHistoryEntry> since(CommunityId community, Instant since) {
    return rows.getOrDefault(community, List.of()).stream()
        .filter(e -> !e.changedAt().isBefore(since))
        .sorted(Comparator.comparing(TierHistoryEntry::changedAt).reversed())
        .toList();
  }

  /** What was appended for the community, in order. */
  public synchronized List<TierHistoryEntry> entries(CommunityId community) {
    return List.copyOf(rows.getOrDefault(community, List.of()));
  }
}
