package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.eligibility.EligibilityOverride;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.SyncHealth;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code eligibility_snapshots}, {@code eligibility_ranking}, {@code eligibility_overrides} and
 * {@code sync_health} of one community.
 */
public interface EligibilityRepository {

  /**
   * The current ranking with the header of the snapshot it came from; empty before the first sync.
   */
  Optional<EligibilitySnapshot> current(CommunityId community);

  /**
   * The id of the snapshot {@link #current} would return, without its ranking: a cheap check of
   * whether the ranking changed. Empty before the first sync. A committed snapshot is never changed
   * under its id (every sync commits a new snapshot with a new id), so while this id is unchanged a
   * reader may reuse the {@link EligibilitySnapshot} it loaded for it.
   *
   * <p>The default loads the whole snapshot; adapters answer it with a lookup of the header only.
   */
  default Optional<UUID> currentSnapshotId(CommunityId community) {
    return current(community).map(EligibilitySnapshot::id);
  }

  /** Stores the snapshot header and replaces the community's ranking rows with its ranking. */
  void commit(CommunityId community, EligibilitySnapshot snapshot);

  /** Purges snapshot headers older than {@code cutoff} (the current one is never purged). */
  void purgeSnapshotsBefore(CommunityId community, Instant cutoff);

  /** Overrides with {@code active = true} (including those past their expiry). */
  List<EligibilityOverride> activeOverrides(CommunityId community);

  /** Inserts or updates an override by id. */
  void saveOverride(CommunityId community, EligibilityOverride override);

  /** The health row, or {@link SyncHealth#initial()} when none exists. */
  SyncHealth health(CommunityId community);

  void saveHealth(CommunityId community, SyncHealth health);
}
