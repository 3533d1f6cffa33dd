package io.arrakis.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.testkit.domain.InMemoryCommunityRepository;
import io.arrakis.testkit.state.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The guild → community lookup, with and without its time-to-live, on a manual clock. */
class CommunityDirectoryTest {
  private static final long GUILD = 900_000_000_000_000_001L;
  private static final long OTHER_GUILD = 900_000_000_000_000_003L;
  private static final long THIRD_GUILD = 900_000_000_000_000_005L;
  private static final Duration TTL = Duration.ofSeconds(30);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T13:30:00Z"));
  private final InMemoryCommunityRepository communities = new InMemoryCommunityRepository();
  private final CountingTransactions transactions = new CountingTransactions();

  /** Counts the database reads (one transaction each) and can fail the next ones. */
  static final class CountingTransactions implements Transactions {
    int reads;
    int failuresToCome;

    @Override
    public <T> T inCommunity(CommunityId community, Supplier<T> work) {
      throw new AssertionError("the directory reads global tables only");
    }

    @Override
    public <T> T withoutCommunity(Supplier<T> work) {
      reads++;
      if (failuresToCome > 0) {
        failuresToCome--;
        throw new IllegalStateException("database down");
      }
      return work.get();
    }
  }

  private static CommunityConfig community(long guild, boolean active) {
    return SietchPreset.newCommunity(CommunityId.random(), new Snowflake(guild), "Arrakis")
        .withActive(active);
  }

  private CommunityConfig saved(long guild, boolean active) {
    CommunityConfig c = community(guild, active);
    communities.save(c);
    return c;
  }

  private CommunityDirectory cached(int maxGuilds) {
    return new CommunityDirectory(communities, transactions, clock, TTL, maxGuilds);
  }

  @Nested
  class WithoutTimeToLive {
    private final CommunityDirectory directory = new CommunityDirectory(communities, transactions);

    @Test
    void givenACommunity_everyCallReadsTheDatabaseAndSeesChangesAtOnce() {
      CommunityConfig c = saved(GUILD, false);

      assertThat(directory.community(GUILD)).contains(c);
      CommunityConfig activated = c.withActive(true);
      communities.save(activated);
      assertThat(directory.community(GUILD)).contains(activated);

      assertThat(transactions.reads).isEqualTo(2);
      assertThat(directory.size()).isZero();
      assertThat(directory.hits()).isZero();
      assertThat(directory.misses()).isZero();
    }

    @Test
    void givenAnUnknownGuild_thenEmpty() {
      assertThat(directory.community(OTHER_GUILD)).isEmpty();
    }
  }

  @Nested
  class WithTimeToLive {
    private final CommunityDirectory directory = cached(100);

    @Test
    void givenACommunity_withinTheTtl_thenItIsReadOnce() {
      CommunityConfig c = saved(GUILD, true);

      assertThat(directory.community(GUILD)).contains(c);
      clock.advance(TTL.minusMillis(1));
      assertThat(directory.community(GUILD)).contains(c);

      assertThat(transactions.reads).isEqualTo(1);
      assertThat(directory.hits()).isEqualTo(1);
      assertThat(directory.misses()).isEqualTo(1);
    }

    @Test
    void givenAConfigChange_thenItIsSeenOnlyOnceTheTtlHasPassed() {
      CommunityConfig c = saved(GUILD, false);
      assertThat(directory.community(GUILD)).contains(c);

      CommunityConfig activated = c.withActive(true);
      communities.save(activated);
      clock.advance(TTL.minusMillis(1));
      assertThat(directory.community(GUILD)).contains(c);

      clock.advance(Duration.ofMillis(1));
      assertThat(directory.community(GUILD)).contains(activated);
      assertThat(transactions.reads).isEqualTo(2);
    }

    @Test
    void givenAnUnknownGuild_thenItsAbsenceIsHeldForTheTtlToo() {
      assertThat(directory.community(OTHER_GUILD)).isEmpty();
      CommunityConfig created = saved(OTHER_GUILD, true);

      clock.advance(TTL.minusSeconds(1));
      assertThat(directory.community(OTHER_GUILD)).isEmpty();
      clock.advance(Duration.ofSeconds(1));
      assertThat(directory.community(OTHER_GUILD)).contains(created);
      assertThat(transactions.reads).isEqualTo(2);
    }

    @Test
    void givenGuilds_thenEachHasItsOwnCommunity() {
      CommunityConfig a = saved(GUILD, true);
      CommunityConfig b = saved(OTHER_GUILD, false);

      assertThat(directory.community(GUILD)).contains(a);
      assertThat(directory.community(OTHER_GUILD)).contains(b);
      assertThat(directory.community(GUILD)).contains(a);
      assertThat(directory.community(OTHER_GUILD)).contains(b);
      assertThat(transactions.reads).isEqualTo(2);
    }

    @Test
    void givenAFailedRead_thenTheFailureIsNotHeldAndTheNextCallReadsAgain() {
      CommunityConfig c = saved(GUILD, true);
      transactions.failuresToCome = 1;

      assertThatThrownBy(() -> directory.community(GUILD))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("database down");
      assertThat(directory.community(GUILD)).contains(c);
      assertThat(transactions.reads).isEqualTo(2);
      assertThat(directory.size()).isEqualTo(1);
    }

    @Test
    void givenACommunityId_thenItIsAlwaysReadFromTheDatabase() {
      CommunityConfig c = saved(GUILD, false);

      assertThat(directory.communityById(c.id())).contains(c);
      CommunityConfig activated = c.withActive(true);
      communities.save(activated);
      assertThat(directory.communityById(c.id())).contains(activated);
      assertThat(directory.communityById(CommunityId.random())).isEmpty();
      assertThat(transactions.reads).isEqualTo(3);
      assertThat(directory.size()).isZero();
    }

    @Test
    void givenAGuildForgotten_thenItsNextCallReadsTheDatabase() {
      CommunityConfig c = saved(GUILD, false);
      directory.community(GUILD);
      CommunityConfig activated = c.withActive(true);
      communities.save(activated);

      directory.forget(GUILD);

      assertThat(directory.community(GUILD)).contains(activated);
      assertThat(transactions.reads).isEqualTo(2);
    }
  }

  @Nested
  class Bounded {
    private final CommunityDirectory directory = cached(2);

    @Test
    void givenMoreGuildsThanTheBound_thenTheLongestHeldGoesFirst() {
      saved(GUILD, true);
      saved(OTHER_GUILD, true);
      saved(THIRD_GUILD, true);

      directory.community(GUILD);
      directory.community(OTHER_GUILD);
      directory.community(THIRD_GUILD);
      assertThat(directory.size()).isEqualTo(2);
      assertThat(transactions.reads).isEqualTo(3);

      directory.community(OTHER_GUILD); // still held
      directory.community(THIRD_GUILD); // still held
      assertThat(transactions.reads).isEqualTo(3);
      directory.community(GUILD); // pushed out: read again
      assertThat(transactions.reads).isEqualTo(4);
      assertThat(directory.size()).isEqualTo(2);
    }

    @Test
    void givenAGuildReadAgainAfterItsTtl_thenItCountsAsHeldSinceThen() {
      saved(GUILD, true);
      saved(OTHER_GUILD, true);
      saved(THIRD_GUILD, true);
      directory.community(GUILD);
      clock.advance(Duration.ofSeconds(10));
      directory.community(OTHER_GUILD);
      clock.advance(TTL.minusSeconds(5)); // GUILD expired, OTHER_GUILD not
      directory.community(GUILD); // re-read: now the most recent
      directory.community(THIRD_GUILD); // pushes out OTHER_GUILD, the longest held

      assertThat(transactions.reads).isEqualTo(4);
      directory.community(GUILD);
      assertThat(transactions.reads).isEqualTo(4);
      directory.community(OTHER_GUILD);
      assertThat(transactions.reads).isEqualTo(5);
    }
  }

  @Test
  void givenANegativeTtlOrNoRoom_thenTheDirectoryIsRefused() {
    assertThatThrownBy(
            () ->
                new CommunityDirectory(
                    communities, transactions, clock, Duration.ofSeconds(-1), 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CommunityDirectory(communities, transactions, clock, TTL, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            new CommunityDirectory(communities, transactions, clock, Duration.ZERO, 0)
                .community(GUILD))
        .isEqualTo(Optional.empty());
  }
}
