package io.arrakis.worker.jobs;

import io.arrakis.bot.jobs.ScheduledJob;
import io.arrakis.domain.port.JobRunRepository;
import io.arrakis.state.Leases;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's threads in the serving worker: a timer that ticks (and renews leases) and a pool
 * that runs the periods. Closing stops the ticks, lets running jobs finish for a grace period, then
 * interrupts them; an interrupted job's lease expires and another worker resumes its period.
 */
public final class JobService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JobService.class);
  static final Duration GRACE = Duration.ofSeconds(20);

  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final JobScheduler scheduler;
  private final JobRunner runner;
  private final JobRunRepository runs;
  private final ScheduledExecutorService timer;
  private final ExecutorService pool;
  private final Duration tick;
  private ScheduledFuture<?> ticking;

  private JobService(
      JobScheduler scheduler,
      JobRunner runner,
      JobRunRepository runs,
      ScheduledExecutorService timer,
      ExecutorService pool,
      Duration tick) {
    this.scheduler = scheduler;
    this.runner = runner;
    this.runs = runs;
    this.timer = timer;
    this.pool = pool;
    this.tick = tick;
  }

  /**
   * The jobs (with {@code overrides} applied) over the lease store and {@code job_runs}; nothing
   * runs until {@link #start()} or {@link #runNow}.
   */
  public static JobService create(
      List<ScheduledJob> jobs,
      JobOverrides overrides,
      Leases leases,
      JobRunRepository runs,
      MeterRegistry metrics,
      Clock clock,
      String instanceId,
      Duration tick) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(daemon("job-timer", new AtomicInteger()));
    ExecutorService pool = Executors.newCachedThreadPool(daemon("job-run-", new AtomicInteger()));
    JobRunner runner =
        new JobRunner(
            leases,
            runs,
            timer,
            metrics,
            clock,
            instanceId,
            FIRST_BACKOFF,
            MAX_BACKOFF,
            d -> Thread.sleep(d.toMillis()));
    JobScheduler scheduler = new JobScheduler(overrides.apply(jobs), runner, runs, pool, clock);
    return new JobService(scheduler, runner, runs, timer, pool, tick);
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix, AtomicInteger n) {
    return r -> {
      Thread t = new Thread(r, prefix + (prefix.endsWith("-") ? n.incrementAndGet() : ""));
      t.setDaemon(true);
      return t;
    };
  }

  public JobScheduler scheduler() {
    return scheduler;
  }

  public JobRunRepository runs() {
    return runs;
  }

  public String instanceId() {
    return runner.instanceId();
  }

  public Optional<ScheduledJob> job(String name) {
    return Optional.ofNullable(scheduler.jobs().get(name));
  }

  /** Runs a period on the caller's thread (the operator's {@code run-job}). */
  public JobRunner.Outcome runNow(ScheduledJob job, java.time.Instant period, boolean manual) {
    return runner.run(job, period, manual);
  }

  /** Ticks now (the catch-up of missed periods) and every {@code tick} after. */
  public synchronized void start() {
    ticking =
        timer.scheduleWithFixedDelay(scheduler::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    log.info("scheduler started: jobs {}, tick {}", scheduler.jobs().keySet(), tick);
  }

  @Override
  public synchronized void close() {
    if (ticking != null) {
      ticking.cancel(false);
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("jobs still running after {}: interrupting them", GRACE);
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException ex) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    timer.shutdownNow();
  }
}
