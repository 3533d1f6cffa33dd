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
 * What every {@code TierHistoryRepository} does. The port is write-only, so the implementation
 * supplies {@link #appended} to read back what was stored.
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
