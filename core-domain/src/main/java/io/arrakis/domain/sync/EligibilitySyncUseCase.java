package io.arrakis.domain.sync;

import io.arrakis.domain.common.CommunityId;

/**
 * Driving port: run the eligibility sync (spec §3.2) for one community. The caller holds the
 * per-community lock and the tenant transaction, and performs the returned effects.
 */
public interface EligibilitySyncUseCase {
  SyncOutcome sync(CommunityId community);
}
