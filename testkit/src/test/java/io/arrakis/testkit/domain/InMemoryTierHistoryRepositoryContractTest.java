package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.tiers.TierHistoryEntry;
import java.util.List;

class InMemoryTierHistoryRepositoryContractTest extends AbstractTierHistoryRepositoryContractTest {
  private InMemoryRepositories fakes;

  @Override
  protected Repositories repositories() {
    fakes = InMemoryRepositories.create();
    return fakes.asRepositories();
  }

  @Override
  protected List<TierHistoryEntry> appended(CommunityId community) {
    return fakes.tierHistory().entries(community);
  }
}
