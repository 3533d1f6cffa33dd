package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.CommunityId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@code AuditLogRepository} does. The port is write-only, so the implementation
 * supplies {@link #appended} to read back what was stored.
 */
public abstract class AbstractAuditLogRepositoryContractTest
    extends AbstractRepositoryContractTest {

  /** One stored row, as read back by the implementation. */
  public record StoredAudit(
      String eventType, String actor, Map<String, String> payload, Instant at) {}

  /** The community's audit rows in the order they were appended. */
  protected abstract List<StoredAudit> appended(CommunityId community) throws Exception;

  @Test
  void givenAppendedEvents_thenTheyAreStoredInOrderWithTheirPayload() throws Exception {
    CommunityId c = newCommunity();
    AuditEvent first =
        AuditEvent.system(AuditType.ELIGIBILITY_UPDATE, "block", 42, "note", "quote \" and \\");
    AuditEvent second = new AuditEvent(AuditType.BADGE_AWARDED, "1234", Map.of("badge", "og"));
    repos.auditLog().append(c, first, at(0));
    repos.auditLog().append(c, second, at(1));

    assertThat(appended(c))
        .containsExactly(
            new StoredAudit(
                "eligibility_update",
                "system",
                Map.of("block", "42", "note", "quote \" and \\"),
                at(0)),
            new StoredAudit("badge_awarded", "1234", Map.of("badge", "og"), at(1)));
  }

  @Test
  void givenEventsOfAnotherCommunity_thenTheyAreNotListedForThisOne() throws Exception {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    repos.auditLog().append(a, AuditEvent.system(AuditType.MEMBER_JOINED), at(0));

    assertThat(appended(a)).hasSize(1);
    assertThat(appended(b)).isEmpty();
  }
}
