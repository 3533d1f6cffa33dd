package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;

class InMemoryEligibilityRepositoryContractTest extends AbstractEligibilityRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }
}
