package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;

class InMemoryVerificationSessionRepositoryContractTest
    extends AbstractVerificationSessionRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }
}
