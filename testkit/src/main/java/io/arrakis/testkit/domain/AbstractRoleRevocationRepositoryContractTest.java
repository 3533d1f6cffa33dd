package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.roles.PendingRevocation;
import io.arrakis.domain.roles.RoleKey;
import org.junit.jupiter.api.Test;

/** What every {@code RoleRevocationRepository} does. */
public abstract class AbstractRoleRevocationRepositoryContractTest
    extends AbstractRepositoryContractTest {

  @Test
  void givenAPendingRevocation_whenSavedAgain_thenTheFirstIsKept() {
    CommunityId c = newCommunity();
    UserId user = randomUser();
    PendingRevocation first = new PendingRevocation(user, RoleKey.FEDAYKIN, at(0));
    repos.roleRevocations().save(c, first);
    repos.roleRevocations().save(c, new PendingRevocation(user, RoleKey.FEDAYKIN, at(5)));
    PendingRevocation other = new PendingRevocation(user, RoleKey.USUL, at(6));
    repos.roleRevocations().save(c, other);

    assertThat(repos.roleRevocations().all(c)).containsExactlyInAnyOrder(first, other);
  }

  @Test
  void givenAPendingRevocation_whenDeleted_thenOnlyThatOneIsGone() {
    CommunityId c = newCommunity();
    UserId user = randomUser();
    PendingRevocation keep = new PendingRevocation(randomUser(), RoleKey.FEDAYKIN, at(0));
    repos.roleRevocations().save(c, keep);
    repos.roleRevocations().save(c, new PendingRevocation(user, RoleKey.FEDAYKIN, at(0)));

    repos.roleRevocations().delete(c, user, RoleKey.FEDAYKIN);
    repos.roleRevocations().delete(c, user, RoleKey.HAJRA);

    assertThat(repos.roleRevocations().all(c)).containsExactly(keep);
  }

  @Test
  void givenRevocationsOfAnotherCommunity_thenTheyAreNeitherVisibleNorDeleted() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    PendingRevocation inA = new PendingRevocation(randomUser(), RoleKey.NAIB, at(0));
    repos.roleRevocations().save(a, inA);

    repos.roleRevocations().delete(b, inA.userId(), inA.role());

    assertThat(repos.roleRevocations().all(b)).isEmpty();
    assertThat(repos.roleRevocations().all(a)).containsExactly(inA);
  }
}
