package io.arrakis.domain.eligibility;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Per-community sync health and the grace flag (spec §3.5). While {@code inGracePeriod} is true no
 * chain-driven role is ever removed.
 */
public record SyncHealth(
    Optional<Instant> lastAttemptAt,
    Optional<Instant> lastSuccessAt,
    Optional<Instant> lastFailureAt,
    int consecutiveFailures,
    boolean inGracePeriod,
    OptionalLong lastSyncedBlock,
    Optional<String> lastError) {

  public static SyncHealth initial() {
    return new SyncHealth(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        0,
        false,
        OptionalLong.empty(),
        Optional.empty());
  }

  /** A successful sync clears the flag and the failure count and stores the block. */
  public SyncHealth succeeded(Instant at, long block) {
    return new SyncHealth(
        Optional.of(at),
        Optional.of(at),
        lastFailureAt,
        0,
        false,
        OptionalLong.of(block),
        Optional.empty());
  }

  /** A failed sync counts, sets the grace flag and records the error. */
  public SyncHealth failed(Instant at, String error) {
    return new SyncHealth(
        Optional.of(at),
        lastSuccessAt,
        Optional.of(at),
        consecutiveFailures + 1,
        true,
        lastSyncedBlock,
        Optional.of(error));
  }

  /** "Failing" in the glossary sense: the last sync attempt failed. */
  public boolean chainSourceFailing() {
    return consecutiveFailures > 0;
  }
}
