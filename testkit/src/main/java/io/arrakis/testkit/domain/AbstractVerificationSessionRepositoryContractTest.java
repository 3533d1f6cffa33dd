package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.VerificationSession;
import io.arrakis.domain.port.VerificationSession.Status;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** What every {@code VerificationSessionRepository} does. */
public abstract class AbstractVerificationSessionRepositoryContractTest
    extends AbstractRepositoryContractTest {

  private static String randomNonce() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static VerificationSession started(UserId user, long minute) {
    String nonce = randomNonce();
    return VerificationSession.start(
        UUID.randomUUID(), user, "user" + minute, nonce, "Nonce: " + nonce + "\n", at(minute));
  }

  @Test
  void givenASession_thenItIsFoundByIdAsPendingAndAsLatest() {
    CommunityId c = newCommunity();
    UserId user = randomUser();
    VerificationSession s = started(user, 0);
    repos.verificationSessions().save(c, s);

    assertThat(repos.verificationSessions().byId(c, s.id())).contains(s);
    assertThat(repos.verificationSessions().lockById(c, s.id())).contains(s);
    assertThat(repos.verificationSessions().pending(c, user)).contains(s);
    assertThat(repos.verificationSessions().latest(c, user)).contains(s);
    assertThat(repos.verificationSessions().byId(c, UUID.randomUUID())).isEmpty();
    assertThat(repos.verificationSessions().pending(c, randomUser())).isEmpty();
    assertThat(repos.verificationSessions().latest(c, randomUser())).isEmpty();
  }

  @Test
  void givenASessionCompleted_thenItIsReplacedInPlaceAndNoLongerPending() {
    CommunityId c = newCommunity();
    UserId user = randomUser();
    VerificationSession s = started(user, 0);
    repos.verificationSessions().save(c, s);
    Address wallet = randomAddress();
    VerificationSession done = s.withAttempt().withAttempt().completed(wallet, at(3));
    repos.verificationSessions().save(c, done);

    assertThat(repos.verificationSessions().byId(c, s.id())).contains(done);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(done.wallet()).contains(wallet);
    assertThat(repos.verificationSessions().pending(c, user)).isEmpty();
    assertThat(repos.verificationSessions().latest(c, user)).contains(done);
  }

  @Test
  void givenAFailedSession_thenItsErrorCodeIsKept() {
    CommunityId c = newCommunity();
    VerificationSession s = started(randomUser(), 0);
    repos.verificationSessions().save(c, s);
    repos.verificationSessions().save(c, s.withAttempt().failed("WALLET_LINKED_ELSEWHERE"));

    VerificationSession read = repos.verificationSessions().byId(c, s.id()).orElseThrow();
    assertThat(read.status()).isEqualTo(Status.FAILED);
    assertThat(read.errorCode()).contains("WALLET_LINKED_ELSEWHERE");
    assertThat(read.attempts()).isEqualTo(1);
  }

  @Test
  void givenAPendingSession_whenASecondPendingOneIsSaved_thenItIsRefused() {
    CommunityId c = newCommunity();
    UserId user = randomUser();
    repos.verificationSessions().save(c, started(user, 0));

    assertThatThrownBy(() -> repos.verificationSessions().save(c, started(user, 1)))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void givenAClosedSession_thenANewPendingOneIsAllowedAndIsTheLatest() {
    CommunityId c = newCommunity();
    UserId user = randomUser();
    VerificationSession first = started(user, 0);
    repos.verificationSessions().save(c, first);
    repos.verificationSessions().save(c, first.cancelled());
    VerificationSession second = started(user, 5);
    repos.verificationSessions().save(c, second);

    assertThat(repos.verificationSessions().pending(c, user)).contains(second);
    assertThat(repos.verificationSessions().latest(c, user)).contains(second);
    assertThat(repos.verificationSessions().byId(c, first.id()).orElseThrow().status())
        .isEqualTo(Status.CANCELLED);
  }

  @Test
  void givenANonceInUse_whenAnotherSessionReusesIt_thenItIsRefused() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    VerificationSession s = started(randomUser(), 0);
    repos.verificationSessions().save(a, s);
    VerificationSession copy =
        VerificationSession.start(
            UUID.randomUUID(), randomUser(), "other", s.nonce(), s.message(), at(1));

    assertThatThrownBy(() -> repos.verificationSessions().save(b, copy))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void givenPendingSessionsPastExpiry_whenExpired_thenOnlyThoseAreMarked() {
    CommunityId c = newCommunity();
    VerificationSession old = started(randomUser(), 0);
    VerificationSession fresh = started(randomUser(), 10);
    repos.verificationSessions().save(c, old);
    repos.verificationSessions().save(c, fresh);

    int expired = repos.verificationSessions().expirePending(c, at(16));

    assertThat(expired).isEqualTo(1);
    assertThat(repos.verificationSessions().byId(c, old.id()).orElseThrow().status())
        .isEqualTo(Status.EXPIRED);
    assertThat(repos.verificationSessions().byId(c, fresh.id()).orElseThrow().status())
        .isEqualTo(Status.PENDING);
    assertThat(old.effectiveStatus(at(15))).isEqualTo(Status.EXPIRED);
    assertThat(old.effectiveStatus(at(14))).isEqualTo(Status.PENDING);
  }

  @Test
  void givenTwoCommunities_thenEachSeesOnlyItsOwnSessions() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    UserId user = randomUser();
    VerificationSession inA = started(user, 0);
    repos.verificationSessions().save(a, inA);

    assertThat(repos.verificationSessions().byId(b, inA.id())).isEmpty();
    assertThat(repos.verificationSessions().pending(b, user)).isEmpty();
    VerificationSession inB = started(user, 1);
    repos.verificationSessions().save(b, inB);
    assertThat(repos.verificationSessions().pending(a, user)).contains(inA);
  }

  @Test
  void givenOldAndRecentSessions_whenPurged_thenOnlyTheOldOnesOfThatCommunityAreDeleted() {
    CommunityId c = newCommunity();
    CommunityId other = newCommunity();
    VerificationSession old = started(randomUser(), 0).expired();
    VerificationSession recent = started(randomUser(), 60);
    VerificationSession elsewhere = started(randomUser(), 0);
    repos.verificationSessions().save(c, old);
    repos.verificationSessions().save(c, recent);
    repos.verificationSessions().save(other, elsewhere);

    int deleted = repos.verificationSessions().deleteCreatedBefore(c, at(30));

    assertThat(deleted).isEqualTo(1);
    assertThat(repos.verificationSessions().byId(c, old.id())).isEmpty();
    assertThat(repos.verificationSessions().byId(c, recent.id())).contains(recent);
    assertThat(repos.verificationSessions().byId(other, elsewhere.id())).contains(elsewhere);
  }
}
