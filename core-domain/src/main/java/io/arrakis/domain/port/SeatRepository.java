package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.naib.SeatRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code naib_seats}. */
public interface SeatRepository {
  List<SeatRecord> open(CommunityId community);

  /** Open and closed records (for the Former Naib list). */
  List<SeatRecord> all(CommunityId community);

  /** The community's first-ever {@code seated_at} (reference of the founding marker). */
  Optional<Instant> firstEverSeating(CommunityId community);

  /** Inserts or updates by record id. */
  void save(CommunityId community, SeatRecord record);
}
