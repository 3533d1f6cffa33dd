package io.arrakis.testkit.domain;

import io.arrakis.domain.port.JobRunRepository;

class InMemoryJobRunRepositoryContractTest extends AbstractJobRunRepositoryContractTest {
  @Override
  protected JobRunRepository jobRuns() {
    return new InMemoryJobRunRepository();
  }
}
