package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code ActivityRepository} does. */
public abstract class AbstractActivityRepositoryContractTest
    extends AbstractRepositoryContractTest {

  @Test
  void givenAStartedBalance_thenItIsFoundAndListed() {
    CommunityId c = newCommunity();
    ActivityBalance start = ActivityBalance.start(randomMember(), at(0));
    repos.activity().save(c, start);

    assertThat(repos.activity().find(c, start.memberId())).contains(start);
    assertThat(repos.activity().all(c)).containsExactly(start);
    assertThat(repos.activity().find(c, MemberId.random())).isEmpty();
  }

  @Test
  void givenAnUpdatedBalance_thenDecimalsAndStreaksRoundTrip() {
    CommunityId c = newCommunity();
    MemberId member = randomMember();
    repos.activity().save(c, ActivityBalance.start(member, at(0)));
    ActivityBalance updated =
        new ActivityBalance(
            member,
            new BigDecimal("12.345678"),
            at(360),
            7,
            3,
            2,
            Optional.of(at(400)),
            new BigDecimal("20.500000"),
            new BigDecimal("4"),
            5,
            9,
            Optional.of(LocalDate.of(2025, 3, 1)));
    repos.activity().save(c, updated);

    assertThat(repos.activity().find(c, member)).contains(updated);
  }

  @Test
  void givenBalancesOfAnotherCommunity_thenTheyAreNotVisible() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    ActivityBalance inA = ActivityBalance.start(randomMember(), at(0));
    repos.activity().save(a, inA);

    assertThat(repos.activity().all(b)).isEmpty();
    assertThat(repos.activity().find(b, inA.memberId())).isEmpty();
  }
}
