package io.arrakis.domain.naib;

import io.arrakis.domain.common.MemberId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Former Naib's tenure figures (spec §5.3): members with at least one closed record and no open
 * one, sorted by total tenure descending.
 */
public record FormerNaib(
    MemberId memberId,
    Instant firstSeated,
    Instant lastUnseated,
    Duration totalTenure,
    int seatCount) {

  public static List<FormerNaib> roster(List<SeatRecord> allRecords) {
    Map<MemberId, List<SeatRecord>> byMember = new LinkedHashMap<>();
    for (SeatRecord r : allRecords) {
      byMember.computeIfAbsent(r.memberId(), k -> new ArrayList<>()).add(r);
    }
    List<FormerNaib> result = new ArrayList<>();
    byMember.forEach(
        (member, records) -> {
          if (records.stream().anyMatch(SeatRecord::isOpen)) {
            return;
          }
          Instant first =
              records.stream()
                  .map(SeatRecord::seatedAt)
                  .min(Comparator.naturalOrder())
                  .orElseThrow();
          Instant last =
              records.stream()
                  .map(r -> r.closure().orElseThrow().unseatedAt())
                  .max(Comparator.naturalOrder())
                  .orElseThrow();
          Duration total =
              records.stream().map(r -> r.tenure(last)).reduce(Duration.ZERO, Duration::plus);
          result.add(new FormerNaib(member, first, last, total, records.size()));
        });
    result.sort(Comparator.comparing(FormerNaib::totalTenure).reversed());
    return result;
  }
}
