package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.port.SeatRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Seat records by id. */
public final class InMemorySeatRepository implements SeatRepository {
  private final Map<CommunityId, Map<UUID, SeatRecord>> rows = new HashMap<>();

  private Map<UUID, SeatRecord> of(CommunityId community) {
    return rows.computeIfAbsent(community, k -> new LinkedHashMap<>());
  }

  @Override
  public synchronized List<SeatRecord> open(CommunityId community) {
    return of(community).values().stream().filter(SeatRecord::isOpen).toList();
  }

  @Override
  public synchronized List<SeatRecord> all(CommunityId community) {
    return List.copyOf(of(community).values());
  }

  @Override
  public synchronized Optional<Instant> firstEverSeating(CommunityId community) {
    return of(community).values().stream().map(SeatRecord::seatedAt).min(Comparator.naturalOrder());
  }

  @Override
  public synchronized void save(CommunityId community, SeatRecord record) {
    of(community).put(record.id(), record);
  }
}
