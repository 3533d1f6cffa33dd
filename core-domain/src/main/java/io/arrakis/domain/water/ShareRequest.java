package io.arrakis.domain.water;

import io.arrakis.domain.common.MemberId;
import java.util.Optional;

/**
 * The facts the share preconditions look at (spec §10).
 *
 * @param caller the caller's member id, empty when the caller is not a member
 * @param callerHoldsBadge the caller holds the active {@code water-sharer} badge
 * @param recipient the recipient's member id, empty when the recipient has no active profile
 * @param recipientHoldsBadge the recipient already holds the active badge
 */
public record ShareRequest(
    Optional<MemberId> caller,
    boolean callerHoldsBadge,
    Optional<MemberId> recipient,
    boolean callerIsRecipient,
    boolean recipientHoldsBadge) {}
