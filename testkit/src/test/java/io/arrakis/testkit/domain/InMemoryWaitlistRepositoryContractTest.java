package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;

class InMemoryWaitlistRepositoryContractTest extends AbstractWaitlistRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }
}
