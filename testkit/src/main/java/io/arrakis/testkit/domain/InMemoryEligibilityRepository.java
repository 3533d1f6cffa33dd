package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.eligibility.EligibilityOverride;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.SyncHealth;
import io.arrakis.domain.port.EligibilityRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Snapshot headers, the current ranking, overrides and sync health, per community. */
public final class InMemoryEligibilityRepository implements EligibilityRepository {
  private final Map<CommunityId, EligibilitySnapshot> current = new HashMap<>();
  private final Map<CommunityId, Map<UUID, Instant>> headers = new HashMap<>();
  private final Map<CommunityId, Map<UUID, EligibilityOverride>> overrides = new HashMap<>();
  private final Map<CommunityId, SyncHealth> health = new HashMap<>();

  @Override
  public synchronized Optional<EligibilitySnapshot> current(CommunityId community) {
    return Optional.ofNullable(current.get(community));
  }

  @Override
  public synchronized Optional<UUID> currentSnapshotId(CommunityId community) {
    return Optional.ofNullable(current.get(community)).map(EligibilitySnapshot::id);
  }

  @Override
  public synchronized void commit(CommunityId community, EligibilitySnapshot snapshot) {
    current.put(community, snapshot);
    headers
        .computeIfAbsent(community, k -> new LinkedHashMap<>())
        .put(snapshot.id(), snapshot.createdAt());
  }

  @Override
  public synchronized void purgeSnapshotsBefore(CommunityId community, Instant cutoff) {
    EligibilitySnapshot now = current.get(community);
    headers
        .getOrDefault(community, new HashMap<>())
        .entrySet()
        .removeIf(
            e -> e.getValue().isBefore(cutoff) && (now == null || !now.id().equals(e.getKey())));
  }

  /** Ids of the stored snapshot headers (what {@link #purgeSnapshotsBefore} removes). */
  public synchronized List<UUID> snapshotIds(CommunityId community) {
    return new ArrayList<>(headers.getOrDefault(community, Map.of()).keySet());
  }

  @Override
  public synchronized List<EligibilityOverride> activeOverrides(CommunityId community) {
    return overrides.getOrDefault(community, Map.of()).values().stream()
        .filter(EligibilityOverride::active)
        .toList();
  }

  @Override
  public synchronized void saveOverride(CommunityId community, EligibilityOverride override) {
    Map<UUID, EligibilityOverride> rows =
        overrides.computeIfAbsent(community, k -> new LinkedHashMap<>());
    if (override.active()
        && rows.values().stream()
            .anyMatch(
                o ->
                    o.active()
                        && o.address().equals(override.address())
                        && !o.id().equals(override.id()))) {
      throw new IllegalStateException("an active override for " + override.address() + " exists");
    }
    rows.put(override.id(), override);
  }

  @Override
  public synchronized SyncHealth health(CommunityId community) {
    return health.getOrDefault(community, SyncHealth.initial());
  }

  @Override
  public synchronized void saveHealth(CommunityId community, SyncHealth value) {
    health.put(community, value);
  }
}
