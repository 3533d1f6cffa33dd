package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.community.MigrationState;
import io.arrakis.domain.sync.ShadowComparison;
import io.arrakis.domain.sync.ShadowTotals;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code migration_states} (one row per community) and {@code shadow_comparisons} (one row per
 * shadow or parallel sync), spec §15.18 and §19.2. {@code /admin-migrate} and {@code
 * /admin-takeover} write the state; the sync records comparisons; readiness reads both.
 */
public interface MigrationRepository {

  Optional<MigrationState> state(CommunityId community);

  /** Inserts or replaces the community's state. */
  void save(CommunityId community, MigrationState state);

  void recordComparison(CommunityId community, ShadowComparison comparison, Instant comparedAt);

  /** The totals of the comparisons made at or after {@code since}. */
  ShadowTotals comparisonsSince(CommunityId community, Instant since);
}
