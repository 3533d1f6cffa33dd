package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.naib.UnseatReason;
import java.math.BigInteger;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@code SeatRepository} does. */
public abstract class AbstractSeatRepositoryContractTest extends AbstractRepositoryContractTest {

  @Test
  void givenNoSeats_thenNothingIsOpenAndThereIsNoFirstSeating() {
    CommunityId c = newCommunity();
    assertThat(repos.seats().open(c)).isEmpty();
    assertThat(repos.seats().all(c)).isEmpty();
    assertThat(repos.seats().firstEverSeating(c)).isEmpty();
  }

  @Test
  void givenABumpSavedInEitherOrder_thenOpenAndAllReflectIt() {
    CommunityId c = newCommunity();
    SeatRecord incumbent =
        SeatRecord.open(UUID.randomUUID(), 1, randomMember(), at(0), new BigInteger("100"));
    SeatRecord other =
        SeatRecord.open(UUID.randomUUID(), 2, randomMember(), at(1), new BigInteger("90"));
    repos.seats().save(c, incumbent);
    repos.seats().save(c, other);

    // the newcomer takes seat 1 before the incumbent's record is closed (one sync, any order)
    SeatRecord newcomer =
        SeatRecord.open(UUID.randomUUID(), 1, randomMember(), at(10), new BigInteger("200"));
    SeatRecord bumped =
        incumbent.close(
            at(10), UnseatReason.BUMPED, Optional.of(newcomer.memberId()), new BigInteger("99"));
    repos.seats().save(c, bumped);
    repos.seats().save(c, newcomer);

    assertThat(repos.seats().open(c)).containsExactlyInAnyOrder(other, newcomer);
    assertThat(repos.seats().all(c)).containsExactlyInAnyOrder(bumped, other, newcomer);
    assertThat(repos.seats().firstEverSeating(c)).contains(at(0));
  }

  @Test
  void givenSeatsOfAnotherCommunity_thenTheyAreNotVisible() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    repos
        .seats()
        .save(a, SeatRecord.open(UUID.randomUUID(), 1, randomMember(), at(0), BigInteger.TEN));

    assertThat(repos.seats().all(b)).isEmpty();
    assertThat(repos.seats().firstEverSeating(b)).isEmpty();
  }
}
