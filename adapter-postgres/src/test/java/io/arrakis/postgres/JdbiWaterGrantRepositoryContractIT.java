package io.arrakis.postgres;

import io.arrakis.domain.port.Repositories;
import io.arrakis.testkit.domain.AbstractWaterGrantRepositoryContractTest;

class JdbiWaterGrantRepositoryContractIT extends AbstractWaterGrantRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return TestDatabase.get().postgres.repositories();
  }
}
