package io.arrakis.bot.setup;

import io.arrakis.domain.community.CoexistenceMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One community's migration state ({@code migration_states}) plus its shadow-comparison totals
 * since shadow mode started ({@code shadow_comparisons}).
 */
public record MigrationRecord(
    CoexistenceMode mode,
    Optional<String> strategy,
    Instant modeEnteredAt,
    Optional<Instant> shadowStartedAt,
    long membersCompared,
    long membersMatched,
    int batchSize,
    int durationDays,
    int batchesTotal,
    int batchesDone,
    Optional<Instant> nextBatchAt) {

  /** A community that entered {@code mode} at {@code at} with nothing else recorded. */
  public static MigrationRecord entered(CoexistenceMode mode, Instant at) {
    return new MigrationRecord(
        mode,
        Optional.empty(),
        at,
        mode == CoexistenceMode.SHADOW ? Optional.of(at) : Optional.empty(),
        0,
        0,
        0,
        0,
        0,
        0,
        Optional.empty());
  }

  public MigrationRecord withComparisons(long compared, long matched) {
    return new MigrationRecord(
        mode,
        strategy,
        modeEnteredAt,
        shadowStartedAt,
        compared,
        matched,
        batchSize,
        durationDays,
        batchesTotal,
        batchesDone,
        nextBatchAt);
  }

  public MigrationRecord withShadowStartedAt(Instant at) {
    return new MigrationRecord(
        mode,
        strategy,
        modeEnteredAt,
        Optional.of(at),
        membersCompared,
        membersMatched,
        batchSize,
        durationDays,
        batchesTotal,
        batchesDone,
        nextBatchAt);
  }

  Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("mode", mode.name().toLowerCase(Locale.ROOT));
    strategy.ifPresent(s -> m.put("strategy", s));
    m.put("modeEnteredAt", modeEnteredAt.toString());
    shadowStartedAt.ifPresent(s -> m.put("shadowStartedAt", s.toString()));
    m.put("membersCompared", Long.toString(membersCompared));
    m.put("membersMatched", Long.toString(membersMatched));
    m.put("batchSize", Integer.toString(batchSize));
    m.put("durationDays", Integer.toString(durationDays));
    m.put("batchesTotal", Integer.toString(batchesTotal));
    m.put("batchesDone", Integer.toString(batchesDone));
    nextBatchAt.ifPresent(s -> m.put("nextBatchAt", s.toString()));
    return m;
  }

  static MigrationRecord fromMap(Map<String, String> m) {
    return new MigrationRecord(
        CoexistenceMode.valueOf(m.get("mode").toUpperCase(Locale.ROOT)),
        Optional.ofNullable(m.get("strategy")),
        Instant.parse(m.get("modeEnteredAt")),
        Optional.ofNullable(m.get("shadowStartedAt")).map(Instant::parse),
        Long.parseLong(m.getOrDefault("membersCompared", "0")),
        Long.parseLong(m.getOrDefault("membersMatched", "0")),
        Integer.parseInt(m.getOrDefault("batchSize", "0")),
        Integer.parseInt(m.getOrDefault("durationDays", "0")),
        Integer.parseInt(m.getOrDefault("batchesTotal", "0")),
        Integer.parseInt(m.getOrDefault("batchesDone", "0")),
        Optional.ofNullable(m.get("nextBatchAt")).map(Instant::parse));
  }

  /** The JSON the stand-in store keeps. */
  public String toJson() {
    return FlatJson.write(toMap());
  }

  public static MigrationRecord fromJson(String json) {
    return fromMap(FlatJson.read(json));
  }
}
