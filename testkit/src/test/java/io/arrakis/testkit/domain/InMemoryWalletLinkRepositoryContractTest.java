package io.arrakis.testkit.domain;

import io.arrakis.domain.port.Repositories;

class InMemoryWalletLinkRepositoryContractTest extends AbstractWalletLinkRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }
}
