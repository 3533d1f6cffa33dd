package io.arrakis.bot;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.eligibility.EligibilityOverride;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.SyncHealth;
import io.arrakis.domain.port.EligibilityRepository;
import io.arrakis.domain.port.Repositories;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * An {@link EligibilityRepository} that keeps each community's current snapshot in memory, so the
 * commands that read the ranking ({@code /check-eligibility}, {@code /threshold}, {@code
 * /position}, {@code /register-waitlist}) do not load and rebuild the full ranking every time.
 *
 * <p>{@link #current} still asks the repository, in the caller's transaction and so under the
 * community's row-level security, for the {@linkplain EligibilityRepository#currentSnapshotId id of
 * the current snapshot}, a one-row lookup; it returns the held snapshot only when that id is the
 * held one's, and otherwise loads the snapshot and holds it. A snapshot is immutable and never
 * changed under its id, so the answer is always what the repository would have returned: a new
 * ranking is seen by the first command after its commit. Every other method goes straight to the
 * repository; {@link #commit} also drops what is held for the community.
 *
 * <p>One snapshot per community is held, at most {@code maxEntries} ranking entries in all (least
 * recently used communities go first; a ranking larger than the bound is never held).
 */
public final class SnapshotCache implements EligibilityRepository {
  /** The worker's bound: about 30 MB of rankings. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private final EligibilityRepository repository;
  private final long maxEntries;

  /** Community → its snapshot, least recently used first. */
  private final Map<CommunityId, EligibilitySnapshot> held = new LinkedHashMap<>(16, 0.75f, true);

  private long entriesHeld;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  public SnapshotCache(EligibilityRepository repository, long maxEntries) {
    this.repository = Objects.requireNonNull(repository, "repository");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  /**
   * {@code repositories} with this cache in front of their eligibility repository, every other
   * repository as it is. Copied component by component, so a repository added to {@link
   * Repositories} later is carried over too.
   */
  public Repositories around(Repositories repositories) {
    if (repositories.eligibility() != repository) {
      throw new IllegalArgumentException("not the repositories this cache reads through");
    }
    return repositories.withEligibility(this);
  }

  @Override
  public Optional<EligibilitySnapshot> current(CommunityId community) {
    Optional<UUID> id = repository.currentSnapshotId(community);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    synchronized (held) {
      EligibilitySnapshot snapshot = held.get(community);
      if (snapshot != null && snapshot.id().equals(id.get())) {
        hits.increment();
        return Optional.of(snapshot);
      }
    }
    misses.increment();
    // a sync may have committed since the id was read: hold whatever is current now, by its own id
    Optional<EligibilitySnapshot> loaded = repository.current(community);
    loaded.ifPresent(snapshot -> hold(community, snapshot));
    return loaded;
  }

  @Override
  public Optional<UUID> currentSnapshotId(CommunityId community) {
    return repository.currentSnapshotId(community);
  }

  @Override
  public void commit(CommunityId community, EligibilitySnapshot snapshot) {
    repository.commit(community, snapshot);
    synchronized (held) {
      drop(community);
    }
  }

  @Override
  public void purgeSnapshotsBefore(CommunityId community, Instant cutoff) {
    repository.purgeSnapshotsBefore(community, cutoff);
  }

  @Override
  public List<EligibilityOverride> activeOverrides(CommunityId community) {
    return repository.activeOverrides(community);
  }

  @Override
  public void saveOverride(CommunityId community, EligibilityOverride override) {
    repository.saveOverride(community, override);
  }

  @Override
  public SyncHealth health(CommunityId community) {
    return repository.health(community);
  }

  @Override
  public void saveHealth(CommunityId community, SyncHealth health) {
    repository.saveHealth(community, health);
  }

  /** Rankings answered from memory, since start. */
  public long hits() {
    return hits.sum();
  }

  /** Rankings loaded from the repository, since start. */
  public long misses() {
    return misses.sum();
  }

  /** Ranking entries held now, over all communities. */
  public long entriesHeld() {
    synchronized (held) {
      return entriesHeld;
    }
  }

  private void hold(CommunityId community, EligibilitySnapshot snapshot) {
    long weight = weight(snapshot);
    synchronized (held) {
      drop(community);
      if (weight > maxEntries) {
        return;
      }
      held.put(community, snapshot);
      entriesHeld += weight;
      Iterator<EligibilitySnapshot> eldest = held.values().iterator();
      while (entriesHeld > maxEntries) {
        entriesHeld -= weight(eldest.next());
        eldest.remove();
      }
    }
  }

  /** Caller holds the lock. */
  private void drop(CommunityId community) {
    EligibilitySnapshot previous = held.remove(community);
    if (previous != null) {
      entriesHeld -= weight(previous);
    }
  }

  /** An empty ranking still takes a slot. */
  private static long weight(EligibilitySnapshot snapshot) {
    return Math.max(1, snapshot.ranking().entries().size());
  }
}
