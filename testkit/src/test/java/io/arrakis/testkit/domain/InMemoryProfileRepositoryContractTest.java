package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;

class InMemoryProfileRepositoryContractTest extends AbstractProfileRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }
}
