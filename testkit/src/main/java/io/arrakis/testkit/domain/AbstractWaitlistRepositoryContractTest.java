package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.waitlist.ClosedReason;
import io.arrakis.domain.waitlist.ThresholdSnapshot;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import java.math.BigInteger;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@code WaitlistRepository} does. */
public abstract class AbstractWaitlistRepositoryContractTest
    extends AbstractRepositoryContractTest {

  private static WaitlistRegistration registration(long minute) {
    return new WaitlistRegistration(
        UUID.randomUUID(),
        randomUser(),
        randomAddress(),
        75,
        new BigInteger("5000000000000000000"),
        at(minute),
        Optional.empty(),
        Optional.empty());
  }

  private static ThresholdSnapshot threshold(long minute, Optional<BigInteger> top) {
    return new ThresholdSnapshot(
        UUID.randomUUID(),
        UUID.randomUUID(),
        new BigInteger("69000000000000000000"),
        69,
        31,
        top,
        top.map(t -> t.subtract(BigInteger.ONE)),
        new BigInteger("1000"),
        at(minute));
  }

  @Test
  void givenRegistrations_thenOnlyActiveOnesAreListed() {
    CommunityId c = newCommunity();
    WaitlistRegistration staying = registration(0);
    WaitlistRegistration leaving = registration(1);
    WaitlistRegistration eligible = registration(2);
    repos.waitlist().save(c, staying);
    repos.waitlist().save(c, leaving);
    repos.waitlist().save(c, eligible);
    assertThat(repos.waitlist().active(c)).containsExactlyInAnyOrder(staying, leaving, eligible);

    repos.waitlist().save(c, leaving.close(at(5), ClosedReason.UNREGISTERED));
    repos.waitlist().save(c, eligible.notifiedEligible(at(6)));

    assertThat(repos.waitlist().active(c)).containsExactly(staying);
  }

  @Test
  void givenAnActiveRegistration_whenTheSameUserRegistersAgain_thenItIsRefused() {
    CommunityId c = newCommunity();
    WaitlistRegistration first = registration(0);
    repos.waitlist().save(c, first);
    WaitlistRegistration again =
        new WaitlistRegistration(
            UUID.randomUUID(),
            first.userId(),
            randomAddress(),
            80,
            BigInteger.ONE,
            at(1),
            Optional.empty(),
            Optional.empty());

    assertThatThrownBy(() -> repos.waitlist().save(c, again)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void givenThresholdSnapshots_thenTheLatestComeNewestFirstUpToTheLimit() {
    CommunityId c = newCommunity();
    ThresholdSnapshot oldest = threshold(0, Optional.of(new BigInteger("500")));
    ThresholdSnapshot middle = threshold(10, Optional.empty());
    ThresholdSnapshot newest = threshold(20, Optional.of(new BigInteger("700")));
    repos.waitlist().saveThresholdSnapshot(c, oldest);
    repos.waitlist().saveThresholdSnapshot(c, newest);
    repos.waitlist().saveThresholdSnapshot(c, middle);

    assertThat(repos.waitlist().latestThresholdSnapshots(c, 2)).containsExactly(newest, middle);
    assertThat(repos.waitlist().latestThresholdSnapshots(c, 24))
        .containsExactly(newest, middle, oldest);
    assertThat(repos.waitlist().latestThresholdSnapshots(c, 0)).isEmpty();
  }

  @Test
  void givenWaitlistRowsOfAnotherCommunity_thenTheyAreNotVisible() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    repos.waitlist().save(a, registration(0));
    repos.waitlist().saveThresholdSnapshot(a, threshold(0, Optional.empty()));

    assertThat(repos.waitlist().active(b)).isEmpty();
    assertThat(repos.waitlist().latestThresholdSnapshots(b, 24)).isEmpty();
  }
}
