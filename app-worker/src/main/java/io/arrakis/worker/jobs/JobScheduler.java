package io.arrakis.worker.jobs;

import io.arrakis.bot.jobs.ScheduledJob;
import io.arrakis.domain.port.JobRunRepository;
import io.arrakis.domain.port.JobRunRepository.JobRun;
import io.arrakis.domain.port.JobRunRepository.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, on every tick, which period of each job is due and hands it to the {@link JobRunner}.
 * The due period is the latest cron instant at or before now, so after downtime the latest missed
 * period runs once (not every missed one). A period is skipped when it succeeded, when it failed
 * its last allowed attempt, while the job's previous period still runs on this worker, and, for a
 * job with {@link ScheduledJob#after()}, until that job's run of the same period succeeded.
 */
public final class JobScheduler {
  private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

  private final Map<String, ScheduledJob> jobs = new LinkedHashMap<>();
  private final Map<String, CronSchedule> schedules = new LinkedHashMap<>();
  private final JobRunner runner;
  private final JobRunRepository runs;
  private final Executor executor;
  private final Clock clock;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

  /**
   * @param executor runs the periods (a thread per job in the worker; the caller's thread in tests)
   */
  public JobScheduler(
      List<ScheduledJob> jobs,
      JobRunner runner,
      JobRunRepository runs,
      Executor executor,
      Clock clock) {
    for (ScheduledJob job : jobs) {
      if (this.jobs.put(job.name(), job) != null) {
        throw new IllegalArgumentException("two jobs are named " + job.name());
      }
      schedules.put(job.name(), CronSchedule.parse(job.cron()));
    }
    for (ScheduledJob job : jobs) {
      job.after()
          .filter(dep -> !this.jobs.containsKey(dep))
          .ifPresent(
              dep -> {
                throw new IllegalArgumentException(job.name() + " runs after unknown job " + dep);
              });
    }
    this.runner = runner;
    this.runs = runs;
    this.executor = executor;
    this.clock = clock;
  }

  /** One look at every job: starts each due period that is not done, held or waiting. */
  public void tick() {
    Instant now = clock.instant();
    for (ScheduledJob job : jobs.values()) {
      try {
        Instant period = schedules.get(job.name()).latestDue(now);
        dueReason(job, period)
            .ifPresentOrElse(
                reason -> log.trace("job {} period {}: {}", job.name(), period, reason),
                () -> start(job, period));
      } catch (RuntimeException ex) {
        // e.g. the database is down: try again next tick
        log.warn("job {}: tick failed: {}", job.name(), ex.toString());
      }
    }
  }

  /** Why the period should not start now, or empty when it should. */
  Optional<String> dueReason(ScheduledJob job, Instant period) {
    if (inFlight.contains(job.name())) {
      return Optional.of("running on this worker");
    }
    Optional<JobRun> run = runs.find(job.name(), period);
    if (run.map(r -> r.status() == Status.SUCCEEDED).orElse(false)) {
      return Optional.of("succeeded");
    }
    if (run.map(r -> r.status() == Status.FAILED && r.attempts() >= job.attempts()).orElse(false)) {
      return Optional.of("failed its last attempt");
    }
    if (job.after().isPresent()) {
      String dep = job.after().get();
      boolean depDone =
          runs.find(dep, period).map(r -> r.status() == Status.SUCCEEDED).orElse(false);
      if (!depDone) {
        return Optional.of("waiting for " + dep);
      }
    }
    return Optional.empty();
  }

  private void start(ScheduledJob job, Instant period) {
    if (!inFlight.add(job.name())) {
      return;
    }
    try {
      executor.execute(
          () -> {
            try {
              runner.run(job, period, false);
            } catch (RuntimeException ex) {
              log.warn("job {} period {}: {}", job.name(), period, ex.toString(), ex);
            } finally {
              inFlight.remove(job.name());
            }
          });
    } catch (RejectedExecutionException ex) {
      inFlight.remove(job.name()); // shutting down
    }
  }

  /** The jobs by name, in registration order. */
  public Map<String, ScheduledJob> jobs() {
    return java.util.Collections.unmodifiableMap(jobs);
  }

  public CronSchedule schedule(String job) {
    return schedules.get(job);
  }

  /** How long a tick waits by default. */
  public static final Duration DEFAULT_TICK = Duration.ofSeconds(15);
}
