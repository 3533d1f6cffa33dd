package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.water.WaterGrant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@code WaterGrantRepository} does. */
public abstract class AbstractWaterGrantRepositoryContractTest
    extends AbstractRepositoryContractTest {

  @Test
  void givenGrantsAndARevocation_thenAllListsActiveAndRevokedOnes() {
    CommunityId c = newCommunity();
    WaterGrant first = WaterGrant.of(UUID.randomUUID(), randomMember(), randomMember(), at(0));
    WaterGrant second = WaterGrant.of(UUID.randomUUID(), first.recipient(), randomMember(), at(1));
    repos.waterGrants().save(c, first);
    repos.waterGrants().save(c, second);
    WaterGrant revoked = first.revoked(at(5), "admin:42");
    repos.waterGrants().save(c, revoked);

    assertThat(repos.waterGrants().all(c)).containsExactlyInAnyOrder(revoked, second);
  }

  @Test
  void givenGrantsOfAnotherCommunity_thenTheyAreNotVisible() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    repos
        .waterGrants()
        .save(a, WaterGrant.of(UUID.randomUUID(), randomMember(), randomMember(), at(0)));

    assertThat(repos.waterGrants().all(b)).isEmpty();
  }
}
