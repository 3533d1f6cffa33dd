package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierHistoryEntry;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What every {@code TierHistoryRepository} does. The implementation supplies {@link #appended} to
 * read back everything stored, in append order.
 */
public abstract class AbstractTierHistoryRepositoryContractTest
    extends AbstractRepositoryContractTest {

  /** The community's tier history in the order it was appended. */
  protected abstract List<TierHistoryEntry> appended(CommunityId community) throws Exception;

  @Test
  void givenAppendedEntries_thenTheyAreStoredAsAppended() throws Exception {
    CommunityId c = newCommunity();
    TierHistoryEntry first =
        new TierHistoryEntry(
            randomMember(),
            Optional.empty(),
            Optional.of(Tier.HAJRA),
            new BigInteger("7000000000000000000"),
            OptionalInt.of(60),
            at(0));
    TierHistoryEntry second =
        new TierHistoryEntry(
            first.memberId(),
            Optional.of(Tier.HAJRA),
            Optional.empty(),
            BigInteger.ZERO,
            OptionalInt.empty(),
            at(1));
    repos.tierHistory().append(c, first);
    repos.tierHistory().append(c, second);

    assertThat(appended(c)).containsExactly(first, second);
  }

  @Test
  void givenEntriesOverTime_thenSinceListsThoseAtOrAfterTheInstantNewestFirst() {
    CommunityId c = newCommunity();
    TierHistoryEntry old = entry(Optional.empty(), Tier.HAJRA, 0);
    TierHistoryEntry promoted = entry(Optional.of(Tier.HAJRA), Tier.QANAT, 10);
    TierHistoryEntry latest = entry(Optional.of(Tier.QANAT), Tier.ICHWAN, 20);
    repos.tierHistory().append(c, old);
    repos.tierHistory().append(c, latest);
    repos.tierHistory().append(c, promoted);

    assertThat(repos.tierHistory().since(c, at(10))).containsExactly(latest, promoted);
    assertThat(repos.tierHistory().since(c, at(21))).isEmpty();
    assertThat(repos.tierHistory().since(newCommunity(), at(0))).isEmpty();
  }

  private static TierHistoryEntry entry(Optional<Tier> from, Tier to, long minute) {
    return new TierHistoryEntry(
        randomMember(), from, Optional.of(to), BigInteger.TEN, OptionalInt.of(5), at(minute));
  }

  @Test
  void givenEntriesOfAnotherCommunity_thenTheyAreNotListedForThisOne() throws Exception {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    repos
        .tierHistory()
        .append(
            a,
            new TierHistoryEntry(
                randomMember(),
                Optional.empty(),
                Optional.of(Tier.USUL),
                BigInteger.TEN,
                OptionalInt.of(1),
                at(0)));

    assertThat(appended(b)).isEmpty();
  }
}
