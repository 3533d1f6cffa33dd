package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.community.MigrationState;
import io.arrakis.domain.sync.ShadowComparison;
import io.arrakis.domain.sync.ShadowTotals;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code MigrationRepository} does. */
public abstract class AbstractMigrationRepositoryContractTest
    extends AbstractRepositoryContractTest {

  @Test
  void givenNoState_thenNoneIsFound() {
    CommunityId c = newCommunity();

    assertThat(repos.migrations().state(c)).isEmpty();
    assertThat(repos.migrations().comparisonsSince(c, at(0))).isEqualTo(ShadowTotals.NONE);
  }

  @Test
  void givenASavedState_whenSavedAgain_thenTheLatestIsFound() {
    CommunityId c = newCommunity();
    MigrationState shadow = MigrationState.entered(CoexistenceMode.SHADOW, at(0));
    repos.migrations().save(c, shadow);
    assertThat(repos.migrations().state(c)).contains(shadow);

    MigrationState gradual =
        new MigrationState(
            CoexistenceMode.PARALLEL,
            Optional.of("gradual"),
            at(60),
            Optional.of(at(0)),
            100,
            7,
            3,
            1,
            Optional.of(at(120)));
    repos.migrations().save(c, gradual);

    assertThat(repos.migrations().state(c)).contains(gradual);
  }

  @Test
  void givenComparisons_thenTheTotalsCountThoseAtOrAfterTheStart() {
    CommunityId c = newCommunity();
    repos.migrations().recordComparison(c, new ShadowComparison(50, 10), at(0));
    repos.migrations().recordComparison(c, new ShadowComparison(40, 39), at(10));
    repos.migrations().recordComparison(c, new ShadowComparison(60, 58), at(20));

    assertThat(repos.migrations().comparisonsSince(c, at(10))).isEqualTo(new ShadowTotals(100, 97));
    assertThat(repos.migrations().comparisonsSince(c, at(21))).isEqualTo(ShadowTotals.NONE);
  }

  @Test
  void givenMoreMatchedThanCompared_whenRecorded_thenItIsRefused() {
    CommunityId c = newCommunity();

    assertThatThrownBy(
            () -> repos.migrations().recordComparison(c, new ShadowComparison(3, 4), at(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(repos.migrations().comparisonsSince(c, at(0))).isEqualTo(ShadowTotals.NONE);
  }

  @Test
  void givenTwoCommunities_thenEachSeesOnlyItsOwnStateAndComparisons() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    repos.migrations().save(a, MigrationState.entered(CoexistenceMode.SHADOW, at(0)));
    repos.migrations().recordComparison(a, new ShadowComparison(10, 10), at(1));

    assertThat(repos.migrations().state(b)).isEmpty();
    assertThat(repos.migrations().comparisonsSince(b, at(0))).isEqualTo(ShadowTotals.NONE);
  }
}
