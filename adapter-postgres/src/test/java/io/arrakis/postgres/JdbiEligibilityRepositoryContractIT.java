package io.arrakis.postgres;

import io.arrakis.domain.port.Repositories;
import io.arrakis.testkit.domain.AbstractEligibilityRepositoryContractTest;

class JdbiEligibilityRepositoryContractIT extends AbstractEligibilityRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return TestDatabase.get().postgres.repositories();
  }
}
