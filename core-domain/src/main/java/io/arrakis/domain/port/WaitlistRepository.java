package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.waitlist.ThresholdSnapshot;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import java.util.List;

/** {@code waitlist_registrations} and {@code threshold_snapshots}. */
public interface WaitlistRepository {
  List<WaitlistRegistration> active(CommunityId community);

  /** Inserts or updates by id. */
  void save(CommunityId community, WaitlistRegistration registration);

  void saveThresholdSnapshot(CommunityId community, ThresholdSnapshot snapshot);

  /** Newest first; history views default to 24. */
  List<ThresholdSnapshot> latestThresholdSnapshots(CommunityId community, int limit);
}
