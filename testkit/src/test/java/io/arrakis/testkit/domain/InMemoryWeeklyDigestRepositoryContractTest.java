package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.port.WeeklyDigestRepository;

class InMemoryWeeklyDigestRepositoryContractTest
    extends AbstractWeeklyDigestRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }

  @Override
  protected WeeklyDigestRepository weeklyDigests() {
    return new InMemoryWeeklyDigestRepository();
  }
}
