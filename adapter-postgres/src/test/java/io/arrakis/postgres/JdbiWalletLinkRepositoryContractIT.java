package io.arrakis.postgres;

import io.arrakis.domain.port.Repositories;
import io.arrakis.testkit.domain.AbstractWalletLinkRepositoryContractTest;

class JdbiWalletLinkRepositoryContractIT extends AbstractWalletLinkRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return TestDatabase.get().postgres.repositories();
  }
}
