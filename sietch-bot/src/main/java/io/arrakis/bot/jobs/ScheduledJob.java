package io.arrakis.bot.jobs;

import java.time.Duration;

/**
 * One scheduled job of spec §18. The worker's scheduler runs each period of {@link #cron()} exactly
 * once across all workers (a Redis lease per period plus a {@code job_runs} row), catches up on a
 * missed period after downtime, and lets an operator run it by hand ({@code run-job NAME}). The job
 * itself only does the work of one period: iterate the active communities, each in its own tenant
 * transaction, so one community's failure never stops the others.
 */
public interface ScheduledJob {

  /**
   * The job's name in {@code job_runs}, the lease key and {@code run-job}: e.g. {@code
   * badge-check}.
   */
  String name();

  /** When it runs: a five-field Unix cron expression, UTC, e.g. {@code 0 *}{@code /6 * * *}. */
  String cron();

  /** The lease's time to live: a holder that dies lets another worker resume after this. */
  Duration maxDuration();

  /** How often a failing period is tried before it is recorded as failed (spec §18). */
  default int attempts() {
    return 1;
  }

  /** A job that must run after another job's run for the same period has finished, if any. */
  default java.util.Optional<String> after() {
    return java.util.Optional.empty();
  }

  /**
   * Does the period's work and says what it did, in a line for the log and {@code job_runs}. Throw
   * to fail the attempt; a job that handles communities one by one reports their failures in the
   * result instead of throwing.
   */
  JobResult run(JobPeriod period) throws Exception;
}
