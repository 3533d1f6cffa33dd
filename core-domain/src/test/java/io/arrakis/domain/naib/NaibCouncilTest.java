package io.arrakis.domain.naib;

import static io.arrakis.domain.Fixtures.T0;
import static io.arrakis.domain.Fixtures.bgt;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.Fixtures;
import io.arrakis.domain.common.MemberId;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NaibCouncilTest {
  private final NaibCouncil council = new NaibCouncil(7, Fixtures.sequentialIds());
  private final Instant now = T0.plus(Duration.ofDays(10));

  private static MemberId m(int n) {
    return new MemberId(new UUID(7, n));
  }

  private static SeatCandidate candidate(int n, int rank, long balance) {
    return new SeatCandidate(m(n), OptionalInt.of(rank), bgt(balance));
  }

  /** Seats 1..7 held by members 1..7 with balances 100, 90, …, 40, seated an hour apart. */
  private static List<SeatRecord> fullCouncil() {
    List<SeatRecord> seats = new ArrayList<>();
    for (int n = 1; n <= 7; n++) {
      seats.add(
          SeatRecord.open(
              new UUID(1, n), n, m(n), T0.plus(Duration.ofHours(n)), bgt(110 - 10L * n)));
    }
    return seats;
  }

  private static Map<MemberId, BigInteger> balancesOf(List<SeatRecord> seats) {
    Map<MemberId, BigInteger> balances = new HashMap<>();
    seats.forEach(s -> balances.put(s.memberId(), s.balanceAtSeating()));
    return balances;
  }

  @Test
  void givenEmptyCouncil_whenEvaluated_thenSeatsFilledLowestNumberFirstInRankOrder() {
    SeatEvaluation e =
        council.evaluate(
            NaibCouncil.Mode.FULL,
            List.of(),
            Map.of(),
            List.of(candidate(2, 9, 50), candidate(1, 3, 80)),
            Optional.empty(),
            now);
    assertThat(e.openSeatsAfter())
        .extracting(SeatRecord::seatNumber, SeatRecord::memberId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, m(1)),
            org.assertj.core.groups.Tuple.tuple(2, m(2)));
    assertThat(e.filled()).isEqualTo(2);
    assertThat(e.changes()).allMatch(c -> c instanceof SeatChange.Seated s && s.founding());
  }

  @Test
  void
      givenFullCouncil_whenCandidateHoldsStrictlyMoreThanLowest_thenLowestIsBumpedIntoTheSameSeat() {
    List<SeatRecord> seats = fullCouncil();
    SeatEvaluation e =
        council.evaluate(
            NaibCouncil.Mode.FULL,
            seats,
            balancesOf(seats),
            List.of(candidate(8, 6, 41)),
            Optional.of(T0),
            now);
    assertThat(e.bumped()).isEqualTo(1);
    SeatChange.Unseated unseated = (SeatChange.Unseated) e.changes().get(0);
    SeatClosure closure = unseated.record().closure().orElseThrow();
    assertThat(unseated.record().memberId()).isEqualTo(m(7));
    assertThat(closure.reason()).isEqualTo(UnseatReason.BUMPED);
    assertThat(closure.bumpedBy()).contains(m(8));
    assertThat(closure.balanceAtUnseating()).isEqualTo(bgt(40));
    assertThat(e.seatOf(m(8)).orElseThrow().seatNumber()).isEqualTo(7);
    assertThat(e.seatOf(m(7))).isEmpty();
  }

  @Test
  void
      givenFullCouncil_whenCandidateHoldsExactlyTheLowestBalance_thenNoBumpBecauseTenureFavoursTheIncumbent() {
    List<SeatRecord> seats = fullCouncil();
    SeatEvaluation e =
        council.evaluate(
            NaibCouncil.Mode.FULL,
            seats,
            balancesOf(seats),
            List.of(candidate(8, 8, 40)),
            Optional.of(T0),
            now);
    assertThat(e.changes()).isEmpty();
    assertThat(e.waiting()).extracting(SeatCandidate::memberId).containsExactly(m(8));
  }

  @Test
  void givenTwoHoldersTiedAtTheLowestBalance_whenBumped_thenTheMostRecentlySeatedLoses() {
    List<SeatRecord> seats = fullCouncil();
    Map<MemberId, BigInteger> balances = balancesOf(seats);
    balances.put(m(3), bgt(40)); // seated at T0+3h, member 7 at T0+7h
    SeatEvaluation e =
        council.evaluate(
            NaibCouncil.Mode.FULL,
            seats,
            balances,
            List.of(candidate(8, 6, 45)),
            Optional.of(T0),
            now);
    SeatChange.Unseated unseated = (SeatChange.Unseated) e.changes().get(0);
    assertThat(unseated.record().memberId()).isEqualTo(m(7));
  }

  @Test
  void
      givenSeveralStrongCandidates_whenEvaluated_thenBumpsRepeatUntilTheFirstCandidateCannotBump() {
    List<SeatRecord> seats = fullCouncil();
    SeatEvaluation e =
        council.evaluate(
            NaibCouncil.Mode.FULL,
            seats,
            balancesOf(seats),
            List.of(
                candidate(8, 1, 200),
                candidate(9, 2, 150),
                candidate(10, 9, 45),
                candidate(11, 10, 44)),
            Optional.of(T0),
            now);
    // 200 bumps 40 (m7), 150 bumps 50 (m6), 45 does not beat the new lowest (60, m5): stop
    assertThat(e.bumped()).isEqualTo(2);
    assertThat(e.seatOf(m(8))).isPresent();
    assertThat(e.seatOf(m(9))).isPresent();
    assertThat(e.seatOf(m(10))).isEmpty();
    assertThat(e.waiting()).extracting(SeatCandidate::memberId).containsExactly(m(10), m(11));
  }

  @Test
  void givenIneligibleHolder_whenFullEvaluation_thenUnseatedAndSeatRefilled() {
    List<SeatRecord> seats = fullCouncil();
    Map<MemberId, BigInteger> balances = balancesOf(seats);
    balances.remove(m(2));
    SeatEvaluation e =
        council.evaluate(
            NaibCouncil.Mode.FULL,
            seats,
            balances,
            List.of(candidate(8, 12, 1)),
            Optional.of(T0),
            now);
    assertThat(e.unseated()).isEqualTo(1);
    assertThat(e.seatOf(m(8)).orElseThrow().seatNumber()).isEqualTo(2);
    assertThat(e.seatOf(m(2))).isEmpty();
  }

  @Test
  void givenIneligibleHolder_whenOnboardingEvaluation_thenNotUnseated() {
    List<SeatRecord> seats = fullCouncil();
    Map<MemberId, BigInteger> balances = balancesOf(seats);
    balances.remove(m(2));
    SeatEvaluation e =
        council.evaluate(
            NaibCouncil.Mode.FILL_AND_BUMP, seats, balances, List.of(), Optional.of(T0), now);
    assertThat(e.changes()).isEmpty();
    assertThat(e.seatOf(m(2))).isPresent();
  }

  @Test
  void givenUnrankedOverrideCandidates_whenOrdered_thenAfterRankedByBalanceDescending() {
    List<SeatCandidate> ordered =
        new ArrayList<>(
            List.of(
                new SeatCandidate(m(1), OptionalInt.empty(), bgt(5)),
                new SeatCandidate(m(2), OptionalInt.empty(), bgt(9)),
                candidate(3, 60, 1),
                candidate(4, 10, 2)));
    ordered.sort(SeatCandidate.ORDER);
    assertThat(ordered).extracting(SeatCandidate::memberId).containsExactly(m(4), m(3), m(2), m(1));
  }

  @Test
  void givenFirstSeatingLongAgo_whenSeatedNow_thenNotFoundingButWithinAnHourIs() {
    SeatRecord late =
        SeatRecord.open(new UUID(2, 1), 1, m(1), T0.plus(Duration.ofMinutes(61)), bgt(1));
    SeatRecord early =
        SeatRecord.open(new UUID(2, 2), 2, m(2), T0.plus(Duration.ofMinutes(60)), bgt(1));
    assertThat(late.isFounding(T0)).isFalse();
    assertThat(early.isFounding(T0)).isTrue();
  }

  @Test
  void givenChallengerAt90PercentOfLowestHolder_whenThreatChecked_thenThreat() {
    List<SeatRecord> seats = fullCouncil();
    Optional<NaibThreat> threat =
        NaibCouncil.threat(seats, balancesOf(seats), List.of(candidate(8, 8, 36)), 10);
    assertThat(threat).contains(new NaibThreat(m(7), 7, bgt(40), m(8), bgt(36)));
    assertThat(
            NaibCouncil.threat(
                seats,
                balancesOf(seats),
                List.of(new SeatCandidate(m(8), OptionalInt.of(8), bgt("35.99"))),
                10))
        .isEmpty();
    assertThat(NaibCouncil.threat(seats, balancesOf(seats), List.of(), 10)).isEmpty();
  }

  @Test
  void givenClosedRecords_whenFormerNaibListed_thenOnlyMembersWithoutOpenSeatSortedByTotalTenure() {
    SeatRecord aFirst =
        SeatRecord.open(new UUID(3, 1), 1, m(1), T0, bgt(1))
            .close(T0.plus(Duration.ofDays(2)), UnseatReason.BUMPED, Optional.of(m(3)), bgt(1));
    SeatRecord aSecond =
        SeatRecord.open(new UUID(3, 2), 2, m(1), T0.plus(Duration.ofDays(5)), bgt(1))
            .close(T0.plus(Duration.ofDays(7)), UnseatReason.INELIGIBLE, Optional.empty(), bgt(1));
    SeatRecord b =
        SeatRecord.open(new UUID(3, 3), 3, m(2), T0, bgt(1))
            .close(T0.plus(Duration.ofDays(3)), UnseatReason.LEFT_SERVER, Optional.empty(), bgt(1));
    SeatRecord stillSeatedClosed =
        SeatRecord.open(new UUID(3, 4), 4, m(3), T0, bgt(1))
            .close(T0.plus(Duration.ofDays(9)), UnseatReason.MANUAL, Optional.empty(), bgt(1));
    SeatRecord stillSeatedOpen =
        SeatRecord.open(new UUID(3, 5), 4, m(3), T0.plus(Duration.ofDays(10)), bgt(1));
    List<FormerNaib> roster =
        FormerNaib.roster(List.of(aFirst, b, aSecond, stillSeatedClosed, stillSeatedOpen));
    assertThat(roster).extracting(FormerNaib::memberId).containsExactly(m(1), m(2));
    FormerNaib a = roster.get(0);
    assertThat(a.totalTenure()).isEqualTo(Duration.ofDays(4));
    assertThat(a.seatCount()).isEqualTo(2);
    assertThat(a.firstSeated()).isEqualTo(T0);
    assertThat(a.lastUnseated()).isEqualTo(T0.plus(Duration.ofDays(7)));
  }

  @Test
  void givenOpenSeat_whenTenureAsked_thenNowMinusSeatedAt() {
    SeatRecord seat = SeatRecord.open(new UUID(4, 1), 1, m(1), T0, bgt(1));
    assertThat(seat.tenure(T0.plus(Duration.ofDays(3)))).isEqualTo(Duration.ofDays(3));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                seat.close(T0, UnseatReason.MANUAL, Optional.empty(), bgt(1))
                    .close(T0, UnseatReason.MANUAL, Optional.empty(), bgt(1)))
        .isInstanceOf(IllegalStateException.class);
  }
}
