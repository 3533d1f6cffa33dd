package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;

class InMemoryCommunityRepositoryContractTest extends AbstractCommunityRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }
}
