package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.WaitlistRepository;
import io.arrakis.domain.waitlist.ThresholdSnapshot;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registrations by id (one active per user and per wallet) and threshold snapshots. */
public final class InMemoryWaitlistRepository implements WaitlistRepository {
  private final Map<CommunityId, Map<UUID, WaitlistRegistration>> registrations = new HashMap<>();
  private final Map<CommunityId, List<ThresholdSnapshot>> snapshots = new HashMap<>();

  @Override
  public synchronized List<WaitlistRegistration> active(CommunityId community) {
    return registrations.getOrDefault(community, Map.of()).values().stream()
        .filter(WaitlistRegistration::active)
        .toList();
  }

  @Override
  public synchronized void save(CommunityId community, WaitlistRegistration registration) {
    Map<UUID, WaitlistRegistration> rows =
        registrations.computeIfAbsent(community, k -> new LinkedHashMap<>());
    if (registration.active()) {
      for (WaitlistRegistration other : rows.values()) {
        if (other.active()
            && !other.id().equals(registration.id())
            && (other.userId().equals(registration.userId())
                || other.wallet().equals(registration.wallet()))) {
          throw new IllegalStateException("an active registration for this user or wallet exists");
        }
      }
    }
    rows.put(registration.id(), registration);
  }

  /** Every registration of the community, closed ones included. */
  public synchronized List<WaitlistRegistration> all(CommunityId community) {
    return List.copyOf(registrations.getOrDefault(community, Map.of()).values());
  }

  @Override
  public synchronized void saveThresholdSnapshot(
      CommunityId community, ThresholdSnapshot snapshot) {
    snapshots.computeIfAbsent(community, k -> new ArrayList<>()).add(snapshot);
  }

  @Override
  public synchronized List<ThresholdSnapshot> latestThresholdSnapshots(
      CommunityId community, int limit) {
    List<ThresholdSnapshot> copy = new ArrayList<>(snapshots.getOrDefault(community, List.of()));
    // newest first; among equal times the one saved last first (a stable sort of the reversed list)
    java.util.Collections.reverse(copy);
    copy.sort(Comparator.comparing(ThresholdSnapshot::createdAt).reversed());
    return List.copyOf(copy.subList(0, Math.max(0, Math.min(limit, copy.size()))));
  }
}
