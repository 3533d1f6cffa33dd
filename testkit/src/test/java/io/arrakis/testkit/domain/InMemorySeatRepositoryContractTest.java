package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;

class InMemorySeatRepositoryContractTest extends AbstractSeatRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }
}
