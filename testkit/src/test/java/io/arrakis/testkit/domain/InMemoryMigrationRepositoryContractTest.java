package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;

class InMemoryMigrationRepositoryContractTest extends AbstractMigrationRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }
}
