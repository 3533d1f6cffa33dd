package io.arrakis.postgres;

import io.arrakis.domain.port.Repositories;
import io.arrakis.testkit.domain.AbstractCommunityRepositoryContractTest;

class JdbiCommunityRepositoryContractIT extends AbstractCommunityRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return TestDatabase.get().postgres.repositories();
  }
}
