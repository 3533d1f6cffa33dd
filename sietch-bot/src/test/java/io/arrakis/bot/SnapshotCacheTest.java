package io.arrakis.bot;

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
import io.arrakis.domain.port.EligibilityRepository;
import io.arrakis.domain.port.Repositories;
import io.arrakis.testkit.domain.InMemoryEligibilityRepository;
import io.arrakis.testkit.domain.InMemoryRepositories;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ranking cache in front of the testkit's eligibility repository: what it returns is always
 * what the repository would return; it loads a ranking only when the current snapshot id changed.
 */
class SnapshotCacheTest {
  private static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");

  private final CountingRepository repository = new CountingRepository();
  private final SnapshotCache cache = new SnapshotCache(repository, 1_000);
  private final CommunityId community = CommunityId.random();
  private final CommunityId other = CommunityId.random();

  /** The testkit's repository, counting the calls the cache makes. */
  static final class CountingRepository implements EligibilityRepository {
    final InMemoryEligibilityRepository rows = new InMemoryEligibilityRepository();
    int loads;
    int idLookups;

    /** Committed between the id lookup and the load of the next {@link #current}: a race. */
    Optional<EligibilitySnapshot> commitBeforeNextLoad = Optional.empty();

    @Override
    public Optional<EligibilitySnapshot> current(CommunityId community) {
      commitBeforeNextLoad.ifPresent(s -> rows.commit(community, s));
      commitBeforeNextLoad = Optional.empty();
      loads++;
      return rows.current(community);
    }

    @Override
    public Optional<UUID> currentSnapshotId(CommunityId community) {
      idLookups++;
      return rows.currentSnapshotId(community);
    }

    @Override
    public void commit(CommunityId community, EligibilitySnapshot snapshot) {
      rows.commit(community, snapshot);
    }

    @Override
    public void purgeSnapshotsBefore(CommunityId community, Instant cutoff) {
      rows.purgeSnapshotsBefore(community, cutoff);
    }

    @Override
    public List<EligibilityOverride> activeOverrides(CommunityId community) {
      return rows.activeOverrides(community);
    }

    @Override
    public void saveOverride(CommunityId community, EligibilityOverride override) {
      rows.saveOverride(community, override);
    }

    @Override
    public SyncHealth health(CommunityId community) {
      return rows.health(community);
    }

    @Override
    public void saveHealth(CommunityId community, SyncHealth health) {
      rows.saveHealth(community, health);
    }
  }

  private static Address wallet(int i) {
    return new Address("0xa" + String.format("%039x", i));
  }

  /** A snapshot ranking {@code size} wallets. */
  private static EligibilitySnapshot snapshot(int size) {
    List<RankingEntry> entries = new ArrayList<>();
    for (int rank = 1; rank <= size; rank++) {
      entries.add(
          new RankingEntry(
              wallet(rank),
              OptionalInt.of(rank),
              BigInteger.valueOf(1_000 - rank),
              rank <= 69,
              false,
              Optional.empty()));
    }
    return new EligibilitySnapshot(UUID.randomUUID(), 1_000L, AT, new Ranking(entries));
  }

  @Test
  void givenNoSnapshot_thenEmptyAndNothingLoaded() {
    assertThat(cache.current(community)).isEmpty();
    assertThat(repository.loads).isZero();
    assertThat(cache.entriesHeld()).isZero();
  }

  @Test
  void givenASnapshot_whenReadAgain_thenItIsLoadedOnceAndItsIdCheckedEachTime() {
    EligibilitySnapshot s = snapshot(120);
    repository.commit(community, s);

    Optional<EligibilitySnapshot> first = cache.current(community);
    Optional<EligibilitySnapshot> second = cache.current(community);

    assertThat(first).contains(s);
    assertThat(second.orElseThrow()).isSameAs(first.orElseThrow());
    assertThat(repository.loads).isEqualTo(1);
    assertThat(repository.idLookups).isEqualTo(2);
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.entriesHeld()).isEqualTo(120);
  }

  @Test
  void givenANewSnapshotCommittedElsewhere_thenTheNextReadReturnsIt() {
    repository.commit(community, snapshot(3));
    cache.current(community);

    EligibilitySnapshot next = snapshot(4);
    repository.commit(community, next); // another worker's sync: not through this cache

    assertThat(cache.current(community)).contains(next);
    assertThat(cache.current(community)).contains(next);
    assertThat(repository.loads).isEqualTo(2);
    assertThat(cache.entriesHeld()).isEqualTo(4);
  }

  @Test
  void givenACommitThroughTheCache_thenTheCommunityIsDroppedAndTheNewRankingRead() {
    repository.commit(community, snapshot(3));
    cache.current(community);

    EligibilitySnapshot next = snapshot(5);
    cache.commit(community, next);

    assertThat(cache.entriesHeld()).isZero();
    assertThat(repository.rows.current(community)).contains(next);
    assertThat(cache.current(community)).contains(next);
  }

  @Test
  void givenACommitBetweenTheIdLookupAndTheLoad_thenTheLoadedSnapshotIsHeldUnderItsOwnId() {
    repository.commit(community, snapshot(3));
    EligibilitySnapshot racing = snapshot(6);
    repository.commitBeforeNextLoad = Optional.of(racing);

    assertThat(cache.current(community)).contains(racing);
    assertThat(cache.current(community)).contains(racing);
    assertThat(repository.loads).isEqualTo(1);
  }

  @Test
  void givenTwoCommunities_thenEachSeesOnlyItsOwnRanking() {
    EligibilitySnapshot a = snapshot(3);
    repository.commit(community, a);
    cache.current(community);

    assertThat(cache.current(other)).isEmpty();
    EligibilitySnapshot b = snapshot(2);
    repository.commit(other, b);
    assertThat(cache.current(other)).contains(b);
    assertThat(cache.current(community)).contains(a);
    assertThat(cache.entriesHeld()).isEqualTo(5);
  }

  @Test
  void givenAnEmptyRanking_thenItIsHeldLikeAnyOther() {
    EligibilitySnapshot empty = snapshot(0);
    repository.commit(community, empty);

    assertThat(cache.current(community)).contains(empty);
    assertThat(cache.current(community)).contains(empty);
    assertThat(repository.loads).isEqualTo(1);
    assertThat(cache.entriesHeld()).isEqualTo(1);
  }

  @Test
  void givenMoreEntriesThanTheBound_thenTheLeastRecentlyReadCommunityGoesFirst() {
    SnapshotCache small = new SnapshotCache(repository, 10);
    CommunityId third = CommunityId.random();
    repository.commit(community, snapshot(4));
    repository.commit(other, snapshot(4));
    repository.commit(third, snapshot(4));

    small.current(community);
    small.current(other);
    small.current(community); // now other is the least recently read
    small.current(third); // 12 > 10: other goes

    assertThat(small.entriesHeld()).isEqualTo(8);
    assertThat(repository.loads).isEqualTo(3);
    small.current(community);
    small.current(third);
    assertThat(repository.loads).isEqualTo(3);
    small.current(other);
    assertThat(repository.loads).isEqualTo(4);
  }

  @Test
  void givenARankingLargerThanTheBound_thenItIsNeverHeldButStillReturned() {
    SnapshotCache small = new SnapshotCache(repository, 10);
    EligibilitySnapshot big = snapshot(11);
    repository.commit(community, big);

    assertThat(small.current(community)).contains(big);
    assertThat(small.current(community)).contains(big);
    assertThat(repository.loads).isEqualTo(2);
    assertThat(small.entriesHeld()).isZero();
  }

  @Test
  void everyOtherMethodGoesStraightToTheRepository() {
    EligibilityOverride override =
        new EligibilityOverride(
            UUID.randomUUID(),
            wallet(1),
            OverrideAction.ADD,
            "partner",
            "admin",
            AT,
            Optional.empty(),
            true);
    cache.saveOverride(community, override);
    assertThat(cache.activeOverrides(community)).containsExactly(override);

    SyncHealth failed = SyncHealth.initial().failed(AT, "rpc down");
    cache.saveHealth(community, failed);
    assertThat(cache.health(community)).isEqualTo(failed);

    EligibilitySnapshot old = snapshot(1);
    cache.commit(community, old);
    EligibilitySnapshot current = snapshot(2);
    cache.commit(community, current);
    cache.purgeSnapshotsBefore(community, AT.plusSeconds(1));
    assertThat(repository.rows.snapshotIds(community)).containsExactly(current.id());
    assertThat(cache.currentSnapshotId(community)).contains(current.id());
  }

  @Test
  void around_replacesTheEligibilityRepositoryOnly() throws Exception {
    InMemoryRepositories fakes = InMemoryRepositories.create();
    Repositories plain = fakes.asRepositories();
    SnapshotCache ranking = new SnapshotCache(plain.eligibility(), 10);

    Repositories cached = ranking.around(plain);

    assertThat(cached.eligibility()).isSameAs(ranking);
    assertThat(cached.communities()).isSameAs(plain.communities());
    assertThat(cached.waitlist()).isSameAs(plain.waitlist());
    for (RecordComponent c : Repositories.class.getRecordComponents()) {
      if (!c.getName().equals("eligibility")) {
        assertThat(c.getAccessor().invoke(cached))
            .as(c.getName())
            .isSameAs(c.getAccessor().invoke(plain));
      }
    }
    assertThatThrownBy(() -> cache.around(plain)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SnapshotCache(plain.eligibility(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
