package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;

class InMemoryBadgeRepositoryContractTest extends AbstractBadgeRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }
}
