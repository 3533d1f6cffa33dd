package io.arrakis.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.state.IdempotencyClaims;
import io.arrakis.state.IdempotencyClaims.AlreadyDone;
import io.arrakis.state.IdempotencyClaims.Claim;
import io.arrakis.state.IdempotencyClaims.Claimed;
import io.arrakis.state.IdempotencyClaims.InProgress;
import io.arrakis.state.IdempotencyClaims.Outcome;
import io.arrakis.state.StateUnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyClaims} does. */
public abstract class AbstractIdempotencyClaimsContractTest
    extends AbstractStateContractTest<IdempotencyClaims> {

  private Claim claimed(String eventKey) throws Exception {
    Outcome outcome = store.claim(eventKey, LONG);
    assertThat(outcome).isInstanceOf(Claimed.class);
    return ((Claimed) outcome).claim();
  }

  @Test
  void givenAnUnclaimedKey_thenTheClaimSucceeds() throws Exception {
    Claim claim = claimed("interaction:1");
    assertThat(claim.eventKey()).isEqualTo("interaction:1");
  }

  @Test
  void givenAHeldClaim_thenASecondClaimIsInProgress() throws Exception {
    claimed("interaction:1");
    assertThat(store.claim("interaction:1", LONG)).isEqualTo(new InProgress());
    assertThat(store.claim("interaction:2", LONG)).isInstanceOf(Claimed.class);
  }

  @Test
  void givenADoneEvent_thenEveryLaterClaimIsAlreadyDone() throws Exception {
    Claim claim = claimed("interaction:1");
    store.markDone(claim, LONG);
    assertThat(store.claim("interaction:1", LONG)).isEqualTo(new AlreadyDone());
    assertThat(store.claim("interaction:1", LONG)).isEqualTo(new AlreadyDone());
  }

  @Test
  void givenAReleasedClaim_thenARetryCanClaimAgain() throws Exception {
    Claim first = claimed("interaction:1");
    assertThat(store.release(first)).isTrue();
    Claim second = claimed("interaction:1");
    assertThat(second.token()).isNotEqualTo(first.token());
  }

  @Test
  void givenACrashedClaimant_thenTheClaimExpiresAndAnotherCanClaim() throws Exception {
    assertThat(store.claim("interaction:1", SHORT)).isInstanceOf(Claimed.class);
    assertThat(store.claim("interaction:1", SHORT)).isEqualTo(new InProgress());
    passTime(SHORT);
    assertThat(store.claim("interaction:1", LONG)).isInstanceOf(Claimed.class);
  }

  @Test
  void givenAStaleClaim_whenReleased_thenTheNewHoldersClaimStays() throws Exception {
    Outcome stale = store.claim("interaction:1", SHORT);
    passTime(SHORT);
    claimed("interaction:1");
    assertThat(store.release(((Claimed) stale).claim())).isFalse();
    assertThat(store.claim("interaction:1", LONG)).isEqualTo(new InProgress());
  }

  @Test
  void givenADoneEvent_whenTheClaimIsReleased_thenItStaysDone() throws Exception {
    Claim claim = claimed("interaction:1");
    store.markDone(claim, LONG);
    assertThat(store.release(claim)).isFalse();
    assertThat(store.claim("interaction:1", LONG)).isEqualTo(new AlreadyDone());
  }

  @Test
  void givenADoneMark_thenItExpiresAfterKeepFor() throws Exception {
    Claim claim = claimed("interaction:1");
    store.markDone(claim, SHORT);
    assertThat(store.claim("interaction:1", LONG)).isEqualTo(new AlreadyDone());
    passTime(SHORT);
    assertThat(store.claim("interaction:1", LONG)).isInstanceOf(Claimed.class);
  }

  @Test
  void givenSimultaneousClaims_thenExactlyOneWins() throws Exception {
    List<Outcome> outcomes = race(8, () -> store.claim("interaction:9", LONG));
    assertThat(outcomes).filteredOn(Claimed.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(InProgress.class::isInstance).hasSize(7);
  }

  @Test
  void givenTheBackendUnreachable_thenStateUnavailable() throws Exception {
    IdempotencyClaims down = unreachableStore();
    assertThatThrownBy(() -> down.claim("interaction:1", LONG))
        .isInstanceOf(StateUnavailableException.class);
    Claim claim = new Claim("interaction:1", "t");
    assertThatThrownBy(() -> down.release(claim)).isInstanceOf(StateUnavailableException.class);
    assertThatThrownBy(() -> down.markDone(claim, LONG))
        .isInstanceOf(StateUnavailableException.class);
  }
}
