package io.arrakis.domain.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code job_runs} (global table, spec §18, §19.1): one row per (job, period start) with its
 * status, attempts and the instance that ran it last. Writes are fenced by the lease's fencing
 * token: a holder whose lease expired and was taken over can no longer change the row.
 */
public interface JobRunRepository {

  /** The status of a period. */
  enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /** A {@code job_runs} row. */
  record JobRun(
      String jobName,
      Instant periodStart,
      Status status,
      int attempts,
      String instanceId,
      long fencingToken,
      Instant startedAt,
      Optional<Instant> finishedAt,
      Optional<String> error) {
    public JobRun {
      Objects.requireNonNull(jobName, "jobName");
      Objects.requireNonNull(periodStart, "periodStart");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(instanceId, "instanceId");
    }
  }

  Optional<JobRun> find(String jobName, Instant periodStart);

  /** The row with the latest period start of the job, if it ever ran. */
  Optional<JobRun> latest(String jobName);

  /**
   * Records an attempt starting: inserts the period as {@code running} with one attempt, or sets an
   * existing unfinished or failed row back to {@code running} with one more attempt, this instance
   * and token. Refused (empty) when the period already succeeded or a holder with a greater token
   * recorded it (the same token is the same lease: a retry).
   */
  Optional<JobRun> start(
      String jobName, Instant periodStart, String instanceId, long fencingToken, Instant at);

  /**
   * Records the attempt's outcome ({@code succeeded} or {@code failed} with an error), only if the
   * row still carries {@code fencingToken}; false when a newer holder took the period over.
   */
  boolean finish(
      String jobName,
      Instant periodStart,
      long fencingToken,
      Status outcome,
      Instant at,
      Optional<String> error);
}
