package io.arrakis.postgres;

import io.arrakis.domain.port.Repositories;
import io.arrakis.testkit.domain.AbstractRoleRevocationRepositoryContractTest;

class JdbiRoleRevocationRepositoryContractIT extends AbstractRoleRevocationRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return TestDatabase.get().postgres.repositories();
  }
}
