package io.arrakis.domain.water;

import io.arrakis.domain.common.Decision;
import io.arrakis.domain.common.MemberId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Water sharing over one community's grants (spec §10): share preconditions, lineage and the
 * cascading revocation that walks downstream and revokes deepest first.
 */
public final class WaterSharing {
  public static final String NO_BADGE = "WATER_NO_BADGE";
  public static final String ALREADY_SHARED = "WATER_ALREADY_SHARED";
  public static final String SELF = "WATER_SELF";
  public static final String RECIPIENT_NOT_MEMBER = "WATER_RECIPIENT_NOT_MEMBER";
  public static final String RECIPIENT_HOLDS_BADGE = "WATER_RECIPIENT_HOLDS_BADGE";
  public static final String RECIPIENT_ALREADY_RECEIVED = "WATER_RECIPIENT_ALREADY_RECEIVED";
  public static final String GRANT_NOT_FOUND = "WATER_GRANT_NOT_FOUND";

  private final List<WaterGrant> grants;

  /**
   * @param grants every grant of the community, active or revoked
   */
  public WaterSharing(List<WaterGrant> grants) {
    this.grants = List.copyOf(grants);
  }

  /** Preconditions of {@code /water-share share}, in the spec's order. */
  public Decision canShare(ShareRequest request) {
    if (request.caller().isEmpty() || !request.callerHoldsBadge()) {
      return Decision.rejected(NO_BADGE, "You don't hold the Water Sharer badge.");
    }
    if (sharedTo(request.caller().get()).isPresent()) {
      return Decision.rejected(ALREADY_SHARED, "You've already shared your water.");
    }
    if (request.callerIsRecipient() || request.recipient().equals(request.caller())) {
      return Decision.rejected(SELF, "You can't share with yourself.");
    }
    if (request.recipient().isEmpty()) {
      return Decision.rejected(
          RECIPIENT_NOT_MEMBER, "The recipient isn't an onboarded member here.");
    }
    if (request.recipientHoldsBadge()) {
      return Decision.rejected(
          RECIPIENT_HOLDS_BADGE, "The recipient already holds the Water Sharer badge.");
    }
    MemberId recipient = request.recipient().get();
    if (grants.stream().anyMatch(g -> g.recipient().equals(recipient))) {
      return Decision.rejected(
          RECIPIENT_ALREADY_RECEIVED,
          "The recipient has already received water once and can't receive it again.");
    }
    return Decision.allowed();
  }

  /** The active grant where the member is recipient ("received from"). */
  public Optional<WaterGrant> receivedFrom(MemberId member) {
    return grants.stream().filter(g -> g.active() && g.recipient().equals(member)).findFirst();
  }

  /** The active grant where the member is granter ("shared to"). */
  public Optional<WaterGrant> sharedTo(MemberId member) {
    return grants.stream().filter(g -> g.active() && g.granter().equals(member)).findFirst();
  }

  /** Has the badge and no active outgoing grant. */
  public boolean canShareAgain(MemberId member, boolean holdsBadge) {
    return holdsBadge && sharedTo(member).isEmpty();
  }

  /**
   * The grants an admin revocation of {@code grantId} revokes: every active grant downstream of its
   * recipient, deepest first, then the grant itself. Empty when the grant is unknown or already
   * revoked. Each recipient of a returned grant also loses the {@code water-sharer} badge.
   */
  public List<WaterGrant> cascade(UUID grantId) {
    Optional<WaterGrant> top =
        grants.stream().filter(g -> g.id().equals(grantId) && g.active()).findFirst();
    if (top.isEmpty()) {
      return List.of();
    }
    List<WaterGrant> chain = new ArrayList<>();
    chain.add(top.get());
    MemberId next = top.get().recipient();
    Optional<WaterGrant> downstream;
    while ((downstream = sharedTo(next)).isPresent() && !chain.contains(downstream.get())) {
      chain.add(downstream.get());
      next = downstream.get().recipient();
    }
    List<WaterGrant> deepestFirst = new ArrayList<>(chain);
    java.util.Collections.reverse(deepestFirst);
    return deepestFirst;
  }

  /** The revoked copies of {@link #cascade}, stamped with time and admin. */
  public List<WaterGrant> revoke(UUID grantId, Instant at, String admin) {
    return cascade(grantId).stream().map(g -> g.revoked(at, admin)).toList();
  }
}
