package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;

class InMemoryActivityRepositoryContractTest extends AbstractActivityRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }
}
