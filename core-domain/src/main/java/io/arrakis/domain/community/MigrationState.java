package io.arrakis.domain.community;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A community's {@code migration_states} row (spec §15.18, §19.2): the coexistence mode it is in,
 * since when, when shadow mode started (readiness counts shadow days from it), and the plan of a
 * {@code gradual} migration (batch size, duration and batch counts are 0 for other strategies).
 */
public record MigrationState(
    CoexistenceMode mode,
    Optional<String> strategy,
    Instant modeEnteredAt,
    Optional<Instant> shadowStartedAt,
    int batchSize,
    int durationDays,
    int batchesTotal,
    int batchesDone,
    Optional<Instant> nextBatchAt) {

  /** The strategies of {@code /admin-migrate} (the table's check constraint). */
  public static final Set<String> STRATEGIES =
      Set.of("instant", "gradual", "parallel_forever", "arrakis_primary");

  public MigrationState {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(modeEnteredAt, "modeEnteredAt");
    Objects.requireNonNull(shadowStartedAt, "shadowStartedAt");
    Objects.requireNonNull(nextBatchAt, "nextBatchAt");
    strategy.ifPresent(
        s -> {
          if (!STRATEGIES.contains(s)) {
            throw new IllegalArgumentException("unknown migration strategy: " + s);
          }
        });
    if (batchSize < 0 || durationDays < 0 || batchesTotal < 0 || batchesDone < 0) {
      throw new IllegalArgumentException("batch figures must not be negative");
    }
  }

  /** A community that entered {@code mode} at {@code at}; shadow mode starts its shadow clock. */
  public static MigrationState entered(CoexistenceMode mode, Instant at) {
    return new MigrationState(
        mode,
        Optional.empty(),
        at,
        mode == CoexistenceMode.SHADOW ? Optional.of(at) : Optional.empty(),
        0,
        0,
        0,
        0,
        Optional.empty());
  }

  /** This state moved to {@code mode} at {@code at}, keeping the shadow start; no plan. */
  public MigrationState movedTo(CoexistenceMode next, Instant at) {
    return new MigrationState(
        next,
        Optional.empty(),
        at,
        shadowStartedAt.or(
            () -> next == CoexistenceMode.SHADOW ? Optional.of(at) : Optional.empty()),
        0,
        0,
        0,
        0,
        Optional.empty());
  }
}
