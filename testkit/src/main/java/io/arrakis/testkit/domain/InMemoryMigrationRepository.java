package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.community.MigrationState;
import io.arrakis.domain.port.MigrationRepository;
import io.arrakis.domain.sync.ShadowComparison;
import io.arrakis.domain.sync.ShadowTotals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Migration states and shadow comparisons, per community. */
public final class InMemoryMigrationRepository implements MigrationRepository {
  private record Comparison(ShadowComparison comparison, Instant at) {}

  private final Map<CommunityId, MigrationState> states = new HashMap<>();
  private final Map<CommunityId, List<Comparison>> comparisons = new HashMap<>();

  @Override
  public synchronized Optional<MigrationState> state(CommunityId community) {
    return Optional.ofNullable(states.get(community));
  }

  @Override
  public synchronized void save(CommunityId community, MigrationState state) {
    states.put(community, state);
  }

  @Override
  public synchronized void recordComparison(
      CommunityId community, ShadowComparison comparison, Instant comparedAt) {
    if (comparison.membersCompared() < 0
        || comparison.membersMatched() < 0
        || comparison.membersMatched() > comparison.membersCompared()) {
      throw new IllegalArgumentException("invalid comparison: " + comparison);
    }
    comparisons
        .computeIfAbsent(community, k -> new ArrayList<>())
        .add(new Comparison(comparison, comparedAt));
  }

  @Override
  public synchronized ShadowTotals comparisonsSince(CommunityId community, Instant since) {
    long compared = 0;
    long matched = 0;
    for (Comparison c : comparisons.getOrDefault(community, List.of())) {
      if (!c.at().isBefore(since)) {
        compared += c.comparison().membersCompared();
        matched += c.comparison().membersMatched();
      }
    }
    return new ShadowTotals(compared, matched);
  }
}
