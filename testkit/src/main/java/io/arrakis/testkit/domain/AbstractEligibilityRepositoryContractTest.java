package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.eligibility.EligibilityOverride;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.OverrideAction;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.eligibility.SyncHealth;
import io.arrakis.domain.tiers.Tier;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@code EligibilityRepository} does. */
public abstract class AbstractEligibilityRepositoryContractTest
    extends AbstractRepositoryContractTest {

  private static EligibilitySnapshot snapshot(long block, long minute, RankingEntry... entries) {
    return new EligibilitySnapshot(
        UUID.randomUUID(), block, at(minute), new Ranking(List.of(entries)));
  }

  private static RankingEntry ranked(int rank, String balance, Tier tier) {
    return new RankingEntry(
        randomAddress(),
        OptionalInt.of(rank),
        new BigInteger(balance),
        true,
        false,
        Optional.of(tier));
  }

  @Test
  void givenNoSync_thenThereIsNoCurrentSnapshotAndHealthIsInitial() {
    CommunityId c = newCommunity();
    assertThat(repos.eligibility().current(c)).isEmpty();
    assertThat(repos.eligibility().health(c)).isEqualTo(SyncHealth.initial());
    assertThat(repos.eligibility().activeOverrides(c)).isEmpty();
  }

  @Test
  void givenACommittedSnapshot_thenTheCurrentRankingIsExactlyIt() {
    CommunityId c = newCommunity();
    RankingEntry unranked =
        new RankingEntry(
            randomAddress(), OptionalInt.empty(), BigInteger.ZERO, true, true, Optional.empty());
    EligibilitySnapshot s =
        snapshot(
            100,
            0,
            ranked(1, "1000000000000000000000000000000000000", Tier.NAIB),
            ranked(2, "5", Tier.HAJRA),
            new RankingEntry(
                randomAddress(), OptionalInt.of(3), BigInteger.ONE, false, false, Optional.empty()),
            unranked);
    repos.eligibility().commit(c, s);

    assertThat(repos.eligibility().current(c)).contains(s);
  }

  @Test
  void givenASecondCommit_thenItReplacesTheRanking() {
    CommunityId c = newCommunity();
    repos.eligibility().commit(c, snapshot(1, 0, ranked(1, "10", Tier.USUL)));
    EligibilitySnapshot second = snapshot(2, 60, ranked(1, "20", Tier.USUL));
    repos.eligibility().commit(c, second);

    assertThat(repos.eligibility().current(c)).contains(second);
  }

  @Test
  void givenAnEmptyRanking_whenCommitted_thenTheCurrentSnapshotIsEmpty() {
    CommunityId c = newCommunity();
    repos.eligibility().commit(c, snapshot(1, 0, ranked(1, "10", Tier.USUL)));
    EligibilitySnapshot empty = snapshot(2, 1);
    repos.eligibility().commit(c, empty);

    assertThat(repos.eligibility().current(c)).contains(empty);
  }

  @Test
  void givenNoSync_thenThereIsNoCurrentSnapshotId() {
    CommunityId c = newCommunity();
    assertThat(repos.eligibility().currentSnapshotId(c)).isEmpty();
  }

  @Test
  void givenCommits_thenTheCurrentSnapshotIdIsTheLastCommittedOnesAndMatchesTheCurrentSnapshot() {
    CommunityId c = newCommunity();
    EligibilitySnapshot first = snapshot(1, 0, ranked(1, "10", Tier.USUL));
    repos.eligibility().commit(c, first);
    assertThat(repos.eligibility().currentSnapshotId(c)).contains(first.id());

    EligibilitySnapshot second = snapshot(2, 60, ranked(1, "20", Tier.USUL));
    repos.eligibility().commit(c, second);
    assertThat(repos.eligibility().currentSnapshotId(c)).contains(second.id());
    assertThat(repos.eligibility().current(c).map(EligibilitySnapshot::id))
        .isEqualTo(repos.eligibility().currentSnapshotId(c));

    EligibilitySnapshot empty = snapshot(3, 120);
    repos.eligibility().commit(c, empty);
    assertThat(repos.eligibility().currentSnapshotId(c)).contains(empty.id());

    repos.eligibility().purgeSnapshotsBefore(c, at(1_000));
    assertThat(repos.eligibility().currentSnapshotId(c)).contains(empty.id());
  }

  @Test
  void givenASnapshotOfAnotherCommunity_thenItsIdIsNotVisible() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    EligibilitySnapshot s = snapshot(1, 0, ranked(1, "10", Tier.USUL));
    repos.eligibility().commit(a, s);

    assertThat(repos.eligibility().currentSnapshotId(a)).contains(s.id());
    assertThat(repos.eligibility().currentSnapshotId(b)).isEmpty();
  }

  @Test
  void givenOldSnapshots_whenPurged_thenTheCurrentOneSurvives() {
    CommunityId c = newCommunity();
    repos.eligibility().commit(c, snapshot(1, 0, ranked(1, "10", Tier.USUL)));
    EligibilitySnapshot current = snapshot(2, 10, ranked(1, "11", Tier.USUL));
    repos.eligibility().commit(c, current);

    repos.eligibility().purgeSnapshotsBefore(c, at(1_000));

    assertThat(repos.eligibility().current(c)).contains(current);
  }

  @Test
  void givenOverrides_thenOnlyActiveOnesAreListedAndUpdatesApply() {
    CommunityId c = newCommunity();
    EligibilityOverride add =
        new EligibilityOverride(
            UUID.randomUUID(),
            randomAddress(),
            OverrideAction.ADD,
            "partner",
            "123",
            at(0),
            Optional.of(at(60)),
            true);
    EligibilityOverride remove =
        new EligibilityOverride(
            UUID.randomUUID(),
            randomAddress(),
            OverrideAction.REMOVE,
            "sybil",
            "456",
            at(1),
            Optional.empty(),
            true);
    repos.eligibility().saveOverride(c, add);
    repos.eligibility().saveOverride(c, remove);
    assertThat(repos.eligibility().activeOverrides(c)).containsExactlyInAnyOrder(add, remove);

    repos.eligibility().saveOverride(c, add.deactivated());
    assertThat(repos.eligibility().activeOverrides(c)).containsExactly(remove);
  }

  @Test
  void givenAnActiveOverride_whenAnotherActiveOneForTheSameWalletIsSaved_thenItIsRefused() {
    CommunityId c = newCommunity();
    Address wallet = randomAddress();
    repos
        .eligibility()
        .saveOverride(
            c,
            new EligibilityOverride(
                UUID.randomUUID(),
                wallet,
                OverrideAction.ADD,
                "a",
                "1",
                at(0),
                Optional.empty(),
                true));
    EligibilityOverride second =
        new EligibilityOverride(
            UUID.randomUUID(),
            wallet,
            OverrideAction.REMOVE,
            "b",
            "1",
            at(1),
            Optional.empty(),
            true);

    assertThatThrownBy(() -> repos.eligibility().saveOverride(c, second))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void givenHealthSaved_thenItLoadsAsSaved() {
    CommunityId c = newCommunity();
    SyncHealth failed = SyncHealth.initial().failed(at(0), "rpc down").failed(at(5), "again");
    repos.eligibility().saveHealth(c, failed);
    assertThat(repos.eligibility().health(c)).isEqualTo(failed);

    SyncHealth ok = failed.succeeded(at(10), 4242L);
    repos.eligibility().saveHealth(c, ok);
    assertThat(repos.eligibility().health(c)).isEqualTo(ok);
  }

  @Test
  void givenRowsOfAnotherCommunity_thenTheyAreNotVisible() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    repos.eligibility().commit(a, snapshot(1, 0, ranked(1, "10", Tier.USUL)));
    repos.eligibility().saveHealth(a, SyncHealth.initial().failed(at(0), "x"));

    assertThat(repos.eligibility().current(b)).isEmpty();
    assertThat(repos.eligibility().health(b)).isEqualTo(SyncHealth.initial());
  }
}
