package io.arrakis.postgres;

import io.arrakis.domain.port.JobRunRepository;
import io.arrakis.testkit.domain.AbstractJobRunRepositoryContractTest;

class JdbiJobRunRepositoryContractIT extends AbstractJobRunRepositoryContractTest {
  @Override
  protected JobRunRepository jobRuns() {
    return TestDatabase.get().postgres.jobRuns();
  }
}
