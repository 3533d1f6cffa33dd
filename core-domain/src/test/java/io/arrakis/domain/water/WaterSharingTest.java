package io.arrakis.domain.water;

import static io.arrakis.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.MemberId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WaterSharingTest {
  private static MemberId m(int n) {
    return new MemberId(new UUID(0xAA, n));
  }

  private static WaterGrant grant(int id, int from, int to) {
    return WaterGrant.of(new UUID(0xBB, id), m(from), m(to), T0.plusSeconds(id));
  }

  /** Lineage a(1) → b(2) → c(3) → d(4). */
  private final List<WaterGrant> chain = List.of(grant(1, 1, 2), grant(2, 2, 3), grant(3, 3, 4));

  private final WaterSharing sharing = new WaterSharing(chain);

  private static ShareRequest request(
      int caller, boolean badge, int recipient, boolean recipientBadge) {
    return new ShareRequest(
        Optional.of(m(caller)),
        badge,
        Optional.of(m(recipient)),
        caller == recipient,
        recipientBadge);
  }

  @Test
  void givenChain_whenTopGrantRevoked_thenEveryDownstreamGrantRevokedDeepestFirst() {
    List<WaterGrant> revoked = sharing.revoke(new UUID(0xBB, 1), T0.plusSeconds(60), "admin");
    assertThat(revoked)
        .extracting(WaterGrant::id)
        .containsExactly(new UUID(0xBB, 3), new UUID(0xBB, 2), new UUID(0xBB, 1));
    assertThat(revoked)
        .allSatisfy(
            g -> {
              assertThat(g.active()).isFalse();
              assertThat(g.revokedBy()).contains("admin");
            });
  }

  @Test
  void givenChain_whenMiddleGrantRevoked_thenUpstreamUntouched() {
    assertThat(sharing.cascade(new UUID(0xBB, 2)))
        .extracting(WaterGrant::id)
        .containsExactly(new UUID(0xBB, 3), new UUID(0xBB, 2));
    assertThat(sharing.cascade(UUID.randomUUID())).isEmpty();
  }

  @Test
  void
      givenRevokedChain_whenTopGranterSharesAgain_thenAllowedButRevokedRecipientsCanNeverReceiveAgain() {
    List<WaterGrant> after =
        new java.util.ArrayList<>(sharing.revoke(new UUID(0xBB, 1), T0, "admin"));
    WaterSharing revoked = new WaterSharing(after);
    assertThat(revoked.canShare(request(1, true, 9, false)).isAllowed()).isTrue();
    assertThat(revoked.canShare(request(1, true, 3, false)).rejectionCode())
        .contains(WaterSharing.RECIPIENT_ALREADY_RECEIVED);
    assertThat(revoked.canShareAgain(m(1), true)).isTrue();
  }

  @Test
  void givenSharePreconditions_whenEachFailsInOrder_thenItsOwnCode() {
    assertThat(
            sharing
                .canShare(
                    new ShareRequest(Optional.empty(), false, Optional.of(m(9)), false, false))
                .rejectionCode())
        .contains(WaterSharing.NO_BADGE);
    assertThat(sharing.canShare(request(9, false, 8, false)).rejectionCode())
        .contains(WaterSharing.NO_BADGE);
    assertThat(sharing.canShare(request(1, true, 9, false)).rejectionCode())
        .contains(WaterSharing.ALREADY_SHARED);
    assertThat(sharing.canShare(request(4, true, 4, false)).rejectionCode())
        .contains(WaterSharing.SELF);
    assertThat(
            sharing
                .canShare(new ShareRequest(Optional.of(m(4)), true, Optional.empty(), false, false))
                .rejectionCode())
        .contains(WaterSharing.RECIPIENT_NOT_MEMBER);
    assertThat(sharing.canShare(request(4, true, 9, true)).rejectionCode())
        .contains(WaterSharing.RECIPIENT_HOLDS_BADGE);
    assertThat(sharing.canShare(request(4, true, 2, false)).rejectionCode())
        .contains(WaterSharing.RECIPIENT_ALREADY_RECEIVED);
    assertThat(sharing.canShare(request(4, true, 9, false)).isAllowed()).isTrue();
  }

  @Test
  void givenLineage_whenAsked_thenReceivedFromAndSharedToAreTheActiveGrants() {
    assertThat(sharing.receivedFrom(m(2)).orElseThrow().granter()).isEqualTo(m(1));
    assertThat(sharing.sharedTo(m(2)).orElseThrow().recipient()).isEqualTo(m(3));
    assertThat(sharing.receivedFrom(m(1))).isEmpty();
    assertThat(sharing.canShareAgain(m(4), true)).isTrue();
    assertThat(sharing.canShareAgain(m(3), true)).isFalse();
    assertThat(sharing.canShareAgain(m(4), false)).isFalse();
  }
}
