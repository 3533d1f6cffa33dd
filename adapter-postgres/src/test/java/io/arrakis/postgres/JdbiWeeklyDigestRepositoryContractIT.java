package io.arrakis.postgres;

import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.port.WeeklyDigestRepository;
import io.arrakis.testkit.domain.AbstractWeeklyDigestRepositoryContractTest;

class JdbiWeeklyDigestRepositoryContractIT extends AbstractWeeklyDigestRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return TestDatabase.get().postgres.repositories();
  }

  @Override
  protected WeeklyDigestRepository weeklyDigests() {
    return TestDatabase.get().postgres.weeklyDigests();
  }
}
