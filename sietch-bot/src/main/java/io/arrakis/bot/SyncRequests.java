package io.arrakis.bot;

import io.arrakis.domain.common.CommunityId;

/**
 * Asks for a community's eligibility sync now instead of at the next 6-hourly run: the setup
 * wizard's deploy does (spec §15.12: "run the first sync"). Called inside the handler's
 * transaction, so an implementation must not sync before that transaction has committed the
 * deployed configuration. Best effort: if the request is lost, the scheduled sync does the work.
 */
@FunctionalInterface
public interface SyncRequests {
  void requestSync(CommunityId community);
}
