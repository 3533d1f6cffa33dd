package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;

class InMemoryAlertRepositoryContractTest extends AbstractAlertRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }
}
