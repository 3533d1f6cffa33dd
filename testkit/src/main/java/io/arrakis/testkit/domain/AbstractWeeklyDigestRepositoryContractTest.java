package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.WeeklyDigestRepository;
import io.arrakis.domain.port.WeeklyDigestRepository.WeeklyDigest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link WeeklyDigestRepository} does: one digest per community and week. */
public abstract class AbstractWeeklyDigestRepositoryContractTest
    extends AbstractRepositoryContractTest {

  protected WeeklyDigestRepository digests;

  /** The repository under test, over the same storage as {@link #repositories()}. */
  protected abstract WeeklyDigestRepository weeklyDigests() throws Exception;

  @BeforeEach
  void openDigests() throws Exception {
    digests = weeklyDigests();
  }

  private static WeeklyDigest digest(String week, String members) {
    return new WeeklyDigest(
        UUID.randomUUID(),
        week,
        1234L,
        Optional.empty(),
        Map.of("total_members", members, "new_members", "2"),
        T0);
  }

  @Test
  void givenADigest_thenItIsFoundByWeekWithItsFigures() {
    CommunityId c = newCommunity();
    WeeklyDigest d = digest("2025-W09", "42");

    assertThat(digests.insertIfAbsent(c, d)).isTrue();

    assertThat(digests.find(c, "2025-W09")).contains(d);
    assertThat(digests.find(c, "2025-W10")).isEmpty();
  }

  @Test
  void givenADigestForTheWeek_thenASecondOneIsRefusedAndTheFirstKept() {
    CommunityId c = newCommunity();
    WeeklyDigest first = digest("2025-W09", "42");
    digests.insertIfAbsent(c, first);

    assertThat(digests.insertIfAbsent(c, digest("2025-W09", "43"))).isFalse();
    assertThat(digests.find(c, "2025-W09")).contains(first);
  }

  @Test
  void givenTwoCommunities_thenTheSameWeekIsKeptApart() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    digests.insertIfAbsent(a, digest("2025-W09", "1"));

    assertThat(digests.find(b, "2025-W09")).isEmpty();
    assertThat(digests.insertIfAbsent(b, digest("2025-W09", "2"))).isTrue();
    assertThat(digests.find(a, "2025-W09").orElseThrow().figures())
        .containsEntry("total_members", "1");
  }
}
