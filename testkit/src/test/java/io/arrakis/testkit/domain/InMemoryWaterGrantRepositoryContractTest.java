package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;

class InMemoryWaterGrantRepositoryContractTest extends AbstractWaterGrantRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }
}
