package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.Repositories;
import java.util.List;

class InMemoryAuditLogRepositoryContractTest extends AbstractAuditLogRepositoryContractTest {
  private InMemoryRepositories fakes;

  @Override
  protected Repositories repositories() {
    fakes = InMemoryRepositories.create();
    return fakes.asRepositories();
  }

  @Override
  protected List<StoredAudit> appended(CommunityId community) {
    return fakes.auditLog().entries(community).stream()
        .map(
            e ->
                new StoredAudit(
                    e.event().type().id(), e.event().actor(), e.event().payload(), e.at()))
        .toList();
  }
}
