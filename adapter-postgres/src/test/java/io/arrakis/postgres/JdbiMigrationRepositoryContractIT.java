package io.arrakis.postgres;

import io.arrakis.domain.port.Repositories;
import io.arrakis.testkit.domain.AbstractMigrationRepositoryContractTest;

class JdbiMigrationRepositoryContractIT extends AbstractMigrationRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return TestDatabase.get().postgres.repositories();
  }
}
