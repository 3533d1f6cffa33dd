package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;

class InMemoryRoleRevocationRepositoryContractTest
    extends AbstractRoleRevocationRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }
}
