package io.arrakis.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.jobs.JobPeriod;
import io.arrakis.bot.jobs.JobResult;
import io.arrakis.bot.jobs.ScheduledJob;
import io.arrakis.domain.port.JobRunRepository.JobRun;
import io.arrakis.domain.port.JobRunRepository.Status;
import io.arrakis.testkit.domain.InMemoryJobRunRepository;
import io.arrakis.testkit.state.InMemoryLeases;
import io.arrakis.testkit.state.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two schedulers ("workers") over one lease store and one {@code job_runs}: the fakes of the Redis
 * leases and the table, and a clock the test moves.
 */
class JobSchedulerTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2025-06-09T10:17:30Z"));
  private final InMemoryLeases leases = new InMemoryLeases(clock);
  private final InMemoryJobRunRepository runs = new InMemoryJobRunRepository();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor();
  private final List<Duration> sleeps = new ArrayList<>();

  @AfterEach
  void stop() {
    renewals.shutdownNow();
  }

  /** A job that records the periods it ran and does what the test asks. */
  static final class TestJob implements ScheduledJob {
    final String name;
    final String cron;
    final int attempts;
    final Optional<String> after;
    final List<Instant> ran = new ArrayList<>();
    Consumer<JobPeriod> body = p -> {};

    TestJob(String name, String cron, int attempts, Optional<String> after) {
      this.name = name;
      this.cron = cron;
      this.attempts = attempts;
      this.after = after;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String cron() {
      return cron;
    }

    @Override
    public Duration maxDuration() {
      return Duration.ofSeconds(60);
    }

    @Override
    public int attempts() {
      return attempts;
    }

    @Override
    public Optional<String> after() {
      return after;
    }

    @Override
    public JobResult run(JobPeriod period) {
      ran.add(period.start());
      body.accept(period);
      return new JobResult(0, 0, "0 communities");
    }
  }

  private JobRunner runner(String instance) {
    return new JobRunner(
        leases,
        runs,
        renewals,
        metrics,
        clock,
        instance,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        sleeps::add);
  }

  private JobScheduler worker(String instance, ScheduledJob... jobs) {
    return new JobScheduler(List.of(jobs), runner(instance), runs, Runnable::run, clock);
  }

  private static TestJob everyFiveMinutes() {
    return new TestJob("every-five", "*/5 * * * *", 1, Optional.empty());
  }

  @Test
  void givenTwoWorkersTickingOverSeveralPeriods_thenEachPeriodRunsExactlyOnce() {
    TestJob job = everyFiveMinutes();
    JobScheduler a = worker("a", job);
    JobScheduler b = worker("b", job);

    for (int i = 0; i < 40; i++) { // 40 × 30 s = 20 minutes: periods 10:15 … 10:35
      a.tick();
      b.tick();
      clock.advance(Duration.ofSeconds(30));
    }

    assertThat(job.ran)
        .containsExactly(
            Instant.parse("2025-06-09T10:15:00Z"),
            Instant.parse("2025-06-09T10:20:00Z"),
            Instant.parse("2025-06-09T10:25:00Z"),
            Instant.parse("2025-06-09T10:30:00Z"),
            Instant.parse("2025-06-09T10:35:00Z"));
    assertThat(runs.all(job.name())).allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1));
    assertThat(
            metrics
                .counter("arrakis.worker.job.runs", "job", job.name(), "result", "succeeded")
                .count())
        .isEqualTo(5.0);
  }

  @Test
  void givenAPeriodRunningOnOneWorker_thenTheOtherSkipsIt() {
    TestJob job = everyFiveMinutes();
    JobScheduler b = worker("b", job);
    List<Optional<JobRun>> seenByB = new ArrayList<>();
    job.body =
        p -> {
          if (job.ran.size() == 1) {
            b.tick(); // the other worker's tick while this one runs
            seenByB.add(runs.find(job.name(), p.start()));
          }
        };

    worker("a", job).tick();

    assertThat(job.ran).hasSize(1);
    assertThat(seenByB.get(0).orElseThrow().status()).isEqualTo(Status.RUNNING);
    assertThat(runs.find(job.name(), job.ran.get(0)).orElseThrow().instanceId()).isEqualTo("a");
  }

  @Test
  void givenDowntimeOverManyPeriods_thenOnlyTheLatestMissedPeriodRuns() {
    TestJob job = everyFiveMinutes();
    runs.start(job.name(), Instant.parse("2025-06-09T09:00:00Z"), "old", 1, clock.instant());
    runs.finish(
        job.name(),
        Instant.parse("2025-06-09T09:00:00Z"),
        1,
        Status.SUCCEEDED,
        clock.instant(),
        Optional.empty());

    worker("a", job).tick();

    assertThat(job.ran).containsExactly(Instant.parse("2025-06-09T10:15:00Z"));
  }

  @Test
  void givenAHolderThatDied_thenAnotherWorkerResumesThePeriodOnceTheLeaseExpired()
      throws Exception {
    TestJob job = everyFiveMinutes();
    Instant period = Instant.parse("2025-06-09T10:15:00Z");
    // a worker took the lease, recorded the start, and died without renewing
    var dead =
        (io.arrakis.state.Leases.Acquired)
            leases.tryAcquire(JobRunner.leaseName(job.name(), period), "dead", job.maxDuration());
    runs.start(job.name(), period, "dead", dead.lease().fencingToken(), clock.instant());
    JobScheduler b = worker("b", job);

    b.tick();
    assertThat(job.ran).isEmpty();

    clock.advance(Duration.ofSeconds(61));
    b.tick();

    assertThat(job.ran).containsExactly(period);
    JobRun run = runs.find(job.name(), period).orElseThrow();
    assertThat(run.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(run.instanceId()).isEqualTo("b");
    assertThat(run.attempts()).isEqualTo(2);
  }

  @Test
  void givenAFailingJob_thenItIsRetriedWithBackoffAndNotAgainOnceAttemptsAreSpent() {
    TestJob job = new TestJob("flaky", "*/5 * * * *", 3, Optional.empty());
    job.body =
        p -> {
          throw new IllegalStateException("attempt " + job.ran.size() + " broke");
        };
    JobScheduler a = worker("a", job);

    a.tick();
    a.tick();

    assertThat(job.ran).hasSize(3);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    JobRun run = runs.all("flaky").get(0);
    assertThat(run.status()).isEqualTo(Status.FAILED);
    assertThat(run.attempts()).isEqualTo(3);
    assertThat(run.error()).hasValueSatisfying(e -> assertThat(e).contains("attempt 3 broke"));
  }

  @Test
  void givenAJobThatFailsOnce_thenTheRetrySucceedsAndIsRecorded() {
    TestJob job = new TestJob("once", "*/5 * * * *", 3, Optional.empty());
    job.body =
        p -> {
          if (job.ran.size() == 1) {
            throw new IllegalStateException("transient");
          }
        };

    worker("a", job).tick();

    JobRun run = runs.all("once").get(0);
    assertThat(run.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(run.attempts()).isEqualTo(2);
    assertThat(run.error()).isEmpty();
  }

  @Test
  void givenADependency_thenTheDependentJobWaitsUntilItSucceededForTheSamePeriod() {
    TestJob digest = new TestJob("digest", "0 0 * * 1", 1, Optional.empty());
    TestJob reset = new TestJob("reset", "0 0 * * 1", 1, Optional.of("digest"));
    boolean[] digestBroken = {true};
    digest.body =
        p -> {
          if (digestBroken[0]) {
            throw new IllegalStateException("down");
          }
        };
    // the reset is registered first, so it is looked at before the digest in a tick
    JobScheduler a = worker("a", reset, digest);

    a.tick();
    assertThat(reset.ran).isEmpty();

    clock.advance(Duration.ofDays(7)); // next Monday
    digestBroken[0] = false;
    a.tick(); // the digest succeeds after the reset was looked at
    assertThat(reset.ran).isEmpty();
    a.tick();

    assertThat(reset.ran).containsExactly(digest.ran.get(digest.ran.size() - 1));
  }

  @Test
  void givenTheLeaseTakenOverDuringARun_thenTheStaleHoldersOutcomeIsFencedOut() {
    TestJob job = everyFiveMinutes();
    JobRunner b = runner("b");
    job.body =
        p -> {
          if (job.ran.size() == 1) {
            clock.advance(Duration.ofSeconds(61)); // a's lease expires unrenewed
            b.run(job, p.start(), false); // b takes over and finishes the period
          }
        };

    JobRunner.Outcome outcome = runner("a").run(job, Instant.parse("2025-06-09T10:15:00Z"), false);

    assertThat(outcome).isEqualTo(JobRunner.Outcome.FENCED);
    JobRun run = runs.all(job.name()).get(0);
    assertThat(run.instanceId()).isEqualTo("b");
    assertThat(run.status()).isEqualTo(Status.SUCCEEDED);
  }
}
