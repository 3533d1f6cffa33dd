package io.arrakis.bot.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * The period a run belongs to: {@code start} is the cron instant it is due at (the key of {@code
 * job_runs} and of the lease), {@code manual} is true for an operator's {@code run-job}. {@code
 * stillHeld} answers whether this worker still holds the period's lease; a long job checks it
 * between communities and stops when it is lost (another worker resumes the period).
 */
public record JobPeriod(
    Instant start, boolean manual, java.util.function.BooleanSupplier stillHeld) {
  public JobPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(stillHeld, "stillHeld");
  }
}
