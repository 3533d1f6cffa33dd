package io.arrakis.postgres;

import io.arrakis.domain.port.Repositories;
import io.arrakis.testkit.domain.AbstractActivityRepositoryContractTest;

class JdbiActivityRepositoryContractIT extends AbstractActivityRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return TestDatabase.get().postgres.repositories();
  }
}
