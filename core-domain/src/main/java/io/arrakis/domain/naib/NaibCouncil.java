package io.arrakis.domain.naib;

import io.arrakis.domain.common.IdGenerator;
import io.arrakis.domain.common.MemberId;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The seat evaluation algorithm of spec §5.2: unseat ineligible holders, fill empty seats lowest
 * number first from the head of the candidate list, then bump the lowest-balance holder while the
 * first candidate holds <em>strictly</em> more (equal balances never bump: tenure favours the
 * incumbent; among equal lowest balances the most recently seated is the one at risk).
 */
public final class NaibCouncil {

  /** Full evaluation at each successful sync; fill-and-bump only at onboarding completion. */
  public enum Mode {
    FULL,
    FILL_AND_BUMP
  }

  private final int seatCount;
  private final IdGenerator ids;

  public NaibCouncil(int seatCount, IdGenerator ids) {
    if (seatCount < 1) {
      throw new IllegalArgumentException("at least one seat");
    }
    this.seatCount = seatCount;
    this.ids = ids;
  }

  /**
   * @param openSeats the currently open seat records
   * @param holderBalances current balances of holders that still qualify (active member, eligible
   *     linked wallet); a holder missing here no longer qualifies and is unseated in FULL mode
   * @param candidates qualifying members without a seat (any order; holders are ignored)
   * @param firstEverSeating the community's first-ever seating, empty when nobody was ever seated
   */
  public SeatEvaluation evaluate(
      Mode mode,
      List<SeatRecord> openSeats,
      Map<MemberId, BigInteger> holderBalances,
      List<SeatCandidate> candidates,
      Optional<Instant> firstEverSeating,
      Instant now) {
    List<SeatChange> changes = new ArrayList<>();
    TreeMap<Integer, SeatRecord> seats = new TreeMap<>();
    Map<MemberId, BigInteger> balances = new java.util.HashMap<>(holderBalances);
    for (SeatRecord seat : openSeats) {
      boolean qualifies = holderBalances.containsKey(seat.memberId());
      if (mode == Mode.FULL && !qualifies) {
        SeatRecord closed =
            seat.close(now, UnseatReason.INELIGIBLE, Optional.empty(), seat.balanceAtSeating());
        changes.add(new SeatChange.Unseated(closed));
      } else {
        seats.put(seat.seatNumber(), seat);
        balances.putIfAbsent(seat.memberId(), seat.balanceAtSeating());
      }
    }
    List<SeatCandidate> queue =
        new ArrayList<>(
            candidates.stream()
                .filter(
                    c -> seats.values().stream().noneMatch(s -> s.memberId().equals(c.memberId())))
                .sorted(SeatCandidate.ORDER)
                .toList());
    Instant founding = firstEverSeating.orElse(now);

    for (int number = 1; number <= seatCount && !queue.isEmpty(); number++) {
      if (!seats.containsKey(number)) {
        SeatCandidate c = queue.remove(0);
        seat(number, c, now, founding, seats, balances, changes);
      }
    }
    while (!queue.isEmpty() && seats.size() == seatCount) {
      SeatCandidate challenger = queue.get(0);
      SeatRecord lowest = lowestHolder(seats, balances);
      BigInteger lowestBalance = balances.get(lowest.memberId());
      if (challenger.balance().compareTo(lowestBalance) <= 0) {
        break;
      }
      queue.remove(0);
      SeatRecord closed =
          lowest.close(now, UnseatReason.BUMPED, Optional.of(challenger.memberId()), lowestBalance);
      changes.add(new SeatChange.Unseated(closed));
      seats.remove(lowest.seatNumber());
      seat(lowest.seatNumber(), challenger, now, founding, seats, balances, changes);
    }
    return new SeatEvaluation(changes, new ArrayList<>(seats.values()), queue);
  }

  private void seat(
      int number,
      SeatCandidate c,
      Instant now,
      Instant founding,
      TreeMap<Integer, SeatRecord> seats,
      Map<MemberId, BigInteger> balances,
      List<SeatChange> changes) {
    SeatRecord record = SeatRecord.open(ids.next(), number, c.memberId(), now, c.balance());
    seats.put(number, record);
    balances.put(c.memberId(), c.balance());
    changes.add(new SeatChange.Seated(record, record.isFounding(founding)));
  }

  /**
   * The holder at risk: the lowest balance; among equals the most recently seated (shortest
   * tenure); among those seated at the same instant, the higher seat number.
   */
  static SeatRecord lowestHolder(
      Map<Integer, SeatRecord> seats, Map<MemberId, BigInteger> balances) {
    return seats.values().stream()
        .min(
            Comparator.<SeatRecord, BigInteger>comparing(s -> balances.get(s.memberId()))
                .thenComparing(SeatRecord::seatedAt, Comparator.reverseOrder())
                .thenComparing(SeatRecord::seatNumber, Comparator.reverseOrder()))
        .orElseThrow();
  }

  /**
   * The {@code naib_threat} condition (spec §13.2): the first waiting candidate holds at least (100
   * − margin) % of the lowest holder's balance.
   */
  public static Optional<NaibThreat> threat(
      List<SeatRecord> seats,
      Map<MemberId, BigInteger> holderBalances,
      List<SeatCandidate> waiting,
      int marginPct) {
    if (seats.isEmpty() || waiting.isEmpty()) {
      return Optional.empty();
    }
    Map<Integer, SeatRecord> bySeat = new TreeMap<>();
    Map<MemberId, BigInteger> balances = new java.util.HashMap<>(holderBalances);
    for (SeatRecord s : seats) {
      bySeat.put(s.seatNumber(), s);
      balances.putIfAbsent(s.memberId(), s.balanceAtSeating());
    }
    SeatRecord lowest = lowestHolder(bySeat, balances);
    BigInteger holderBalance = balances.get(lowest.memberId());
    SeatCandidate challenger = waiting.get(0);
    BigInteger lhs = challenger.balance().multiply(BigInteger.valueOf(100));
    BigInteger rhs = holderBalance.multiply(BigInteger.valueOf(100L - marginPct));
    if (lhs.compareTo(rhs) < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new NaibThreat(
            lowest.memberId(),
            lowest.seatNumber(),
            holderBalance,
            challenger.memberId(),
            challenger.balance()));
  }
}
