package io.arrakis.postgres;

import io.arrakis.domain.port.Repositories;
import io.arrakis.testkit.domain.AbstractWaitlistRepositoryContractTest;

class JdbiWaitlistRepositoryContractIT extends AbstractWaitlistRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return TestDatabase.get().postgres.repositories();
  }
}
