package io.arrakis.postgres;

import io.arrakis.domain.port.Repositories;
import io.arrakis.testkit.domain.AbstractVerificationSessionRepositoryContractTest;

class JdbiVerificationSessionRepositoryContractIT
    extends AbstractVerificationSessionRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return TestDatabase.get().postgres.repositories();
  }
}
