package io.arrakis.domain.naib;

import io.arrakis.domain.common.MemberId;
import java.util.List;
import java.util.Optional;

/** The outcome of {@link NaibCouncil#evaluate}: the changes and the seats held afterwards. */
public record SeatEvaluation(
    List<SeatChange> changes, List<SeatRecord> openSeatsAfter, List<SeatCandidate> waiting) {

  public SeatEvaluation {
    changes = List.copyOf(changes);
    openSeatsAfter = List.copyOf(openSeatsAfter);
    waiting = List.copyOf(waiting);
  }

  public long filled() {
    return changes.stream().filter(c -> c instanceof SeatChange.Seated).count() - bumped();
  }

  public long bumped() {
    return unseatedFor(UnseatReason.BUMPED);
  }

  public long unseated() {
    return unseatedFor(UnseatReason.INELIGIBLE);
  }

  private long unseatedFor(UnseatReason reason) {
    return changes.stream()
        .filter(
            c ->
                c instanceof SeatChange.Unseated u
                    && u.record().closure().orElseThrow().reason() == reason)
        .count();
  }

  public Optional<SeatRecord> seatOf(MemberId member) {
    return openSeatsAfter.stream().filter(s -> s.memberId().equals(member)).findFirst();
  }
}
