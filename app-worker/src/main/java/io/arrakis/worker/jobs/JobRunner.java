package io.arrakis.worker.jobs;

import io.arrakis.bot.jobs.JobPeriod;
import io.arrakis.bot.jobs.JobResult;
import io.arrakis.bot.jobs.ScheduledJob;
import io.arrakis.domain.port.JobRunRepository;
import io.arrakis.domain.port.JobRunRepository.JobRun;
import io.arrakis.domain.port.JobRunRepository.Status;
import io.arrakis.state.Leases;
import io.arrakis.state.Leases.Lease;
import io.arrakis.state.StateUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one period of one job at most once across all workers (spec §18): takes the Redis lease
 * {@code lock:job:{job}:{periodStartEpochSeconds}} for the job's maximum duration, records the
 * attempt in {@code job_runs} under the lease's fencing token, runs it, renews the lease while it
 * runs, records the outcome, and retries a failed attempt (backoff 1 s doubling to 30 s) up to the
 * job's {@link ScheduledJob#attempts()}. A worker that dies holding the lease stops renewing it, so
 * another takes the period over once it expires; the older holder's writes are then fenced out.
 */
public final class JobRunner {
  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
  static final int MAX_ERROR_LENGTH = 2000;

  /** What became of a request to run a period. */
  public enum Outcome {
    SUCCEEDED,
    FAILED,
    /** The period had already succeeded. */
    ALREADY_DONE,
    /** Another worker (or this one) holds the period's lease. */
    HELD_ELSEWHERE,
    /** A newer lease holder took the period over while this one ran. */
    FENCED,
    /** Redis is unreachable: jobs do not start (spec §20). */
    STATE_UNAVAILABLE
  }

  /** Waits between attempts; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Leases leases;
  private final JobRunRepository runs;
  private final ScheduledExecutorService renewals;
  private final MeterRegistry metrics;
  private final Clock clock;
  private final String instanceId;
  private final Duration firstBackoff;
  private final Duration maxBackoff;
  private final Sleeper sleeper;

  public JobRunner(
      Leases leases,
      JobRunRepository runs,
      ScheduledExecutorService renewals,
      MeterRegistry metrics,
      Clock clock,
      String instanceId,
      Duration firstBackoff,
      Duration maxBackoff,
      Sleeper sleeper) {
    this.leases = leases;
    this.runs = runs;
    this.renewals = renewals;
    this.metrics = metrics;
    this.clock = clock;
    this.instanceId = instanceId;
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
    this.sleeper = sleeper;
  }

  public String instanceId() {
    return instanceId;
  }

  /** The lease name of a period: {@code job:{name}:{periodStartEpochSeconds}}. */
  static String leaseName(String job, Instant periodStart) {
    return "job:" + job + ":" + periodStart.getEpochSecond();
  }

  /** Runs {@code periodStart} of {@code job} unless it succeeded or is held elsewhere. */
  public Outcome run(ScheduledJob job, Instant periodStart, boolean manual) {
    if (runs.find(job.name(), periodStart).map(r -> r.status() == Status.SUCCEEDED).orElse(false)) {
      return Outcome.ALREADY_DONE;
    }
    Lease lease;
    try {
      Leases.Attempt attempt =
          leases.tryAcquire(leaseName(job.name(), periodStart), instanceId, job.maxDuration());
      if (attempt instanceof Leases.HeldByOther held) {
        log.debug(
            "job {} period {}: held by {} for {}",
            job.name(),
            periodStart,
            held.holder(),
            held.remaining());
        return Outcome.HELD_ELSEWHERE;
      }
      lease = ((Leases.Acquired) attempt).lease();
    } catch (StateUnavailableException ex) {
      log.warn("job {} period {}: Redis unavailable, not started", job.name(), periodStart);
      return Outcome.STATE_UNAVAILABLE;
    }
    AtomicBoolean held = new AtomicBoolean(true);
    long every = Math.max(100, job.maxDuration().toMillis() / 3);
    ScheduledFuture<?> renewal =
        renewals.scheduleWithFixedDelay(
            () -> renew(lease, job.maxDuration(), held), every, every, TimeUnit.MILLISECONDS);
    try {
      return attempts(job, periodStart, manual, lease, held);
    } finally {
      renewal.cancel(false);
      release(lease);
    }
  }

  private Outcome attempts(
      ScheduledJob job, Instant periodStart, boolean manual, Lease lease, AtomicBoolean held) {
    Duration backoff = firstBackoff;
    for (int attempt = 1; ; attempt++) {
      Optional<JobRun> started =
          runs.start(job.name(), periodStart, instanceId, lease.fencingToken(), clock.instant());
      if (started.isEmpty()) {
        return count(job, Outcome.ALREADY_DONE, Duration.ZERO);
      }
      long begin = System.nanoTime();
      try {
        JobResult result = job.run(new JobPeriod(periodStart, manual, held::get));
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        boolean recorded =
            runs.finish(
                job.name(),
                periodStart,
                lease.fencingToken(),
                Status.SUCCEEDED,
                clock.instant(),
                Optional.empty());
        Outcome outcome = recorded ? Outcome.SUCCEEDED : Outcome.FENCED;
        log.info(
            "job {} period {}{}: {} in {} ms (attempt {}, {} communities, {} failed): {}",
            job.name(),
            periodStart,
            manual ? " (manual)" : "",
            recorded ? "succeeded" : "finished but fenced out by a newer holder",
            took.toMillis(),
            started.get().attempts(),
            result.communities(),
            result.failedCommunities(),
            result.summary());
        return count(job, outcome, took);
      } catch (Exception ex) {
        if (ex instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        String error = truncate(String.valueOf(ex));
        boolean recorded =
            runs.finish(
                job.name(),
                periodStart,
                lease.fencingToken(),
                Status.FAILED,
                clock.instant(),
                Optional.of(error));
        log.warn(
            "job {} period {}: attempt {} of {} failed after {} ms: {}",
            job.name(),
            periodStart,
            attempt,
            job.attempts(),
            took.toMillis(),
            error,
            ex);
        if (!recorded) {
          return count(job, Outcome.FENCED, took);
        }
        if (attempt >= job.attempts() || Thread.currentThread().isInterrupted() || !held.get()) {
          return count(job, Outcome.FAILED, took);
        }
        try {
          sleeper.sleep(backoff);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return count(job, Outcome.FAILED, took);
        }
        backoff =
            backoff.multipliedBy(2).compareTo(maxBackoff) > 0
                ? maxBackoff
                : backoff.multipliedBy(2);
      }
    }
  }

  private Outcome count(ScheduledJob job, Outcome outcome, Duration took) {
    String result = outcome.name().toLowerCase(java.util.Locale.ROOT);
    Counter.builder("arrakis.worker.job.runs")
        .description("job attempts by outcome")
        .tag("job", job.name())
        .tag("result", result)
        .register(metrics)
        .increment();
    Timer.builder("arrakis.worker.job.duration")
        .description("how long a job's attempt ran")
        .tag("job", job.name())
        .tag("result", result)
        .register(metrics)
        .record(took);
    return outcome;
  }

  private void renew(Lease lease, Duration ttl, AtomicBoolean held) {
    if (!held.get()) {
      return;
    }
    try {
      if (!leases.renew(lease, ttl)) {
        held.set(false);
        log.warn("lease {} lost: another worker may take the period over", lease.name());
      }
    } catch (StateUnavailableException ex) {
      // keep going: the lease may still be ours; it expires on its own if Redis stays away
      log.warn("lease {} not renewed: Redis unavailable", lease.name());
    }
  }

  private void release(Lease lease) {
    try {
      leases.release(lease);
    } catch (StateUnavailableException ex) {
      log.warn("lease {} not released (expires on its own): Redis unavailable", lease.name());
    }
  }

  private static String truncate(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }
}
