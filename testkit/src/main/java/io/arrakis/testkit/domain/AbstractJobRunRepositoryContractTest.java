package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.port.JobRunRepository;
import io.arrakis.domain.port.JobRunRepository.JobRun;
import io.arrakis.domain.port.JobRunRepository.Status;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobRunRepository} does. Storage may be shared between tests (a real database):
 * every test uses a job name of its own.
 */
public abstract class AbstractJobRunRepositoryContractTest {
  private static final Instant PERIOD = Instant.parse("2025-03-03T00:00:00Z");
  private static final Instant T0 = Instant.parse("2025-03-03T00:00:01.123456Z");

  protected JobRunRepository runs;
  private String job;

  /** The repository under test. */
  protected abstract JobRunRepository jobRuns() throws Exception;

  @BeforeEach
  void open() throws Exception {
    runs = jobRuns();
    job = "job-" + UUID.randomUUID();
  }

  @Test
  void givenNoRun_thenNothingIsFound() {
    assertThat(runs.find(job, PERIOD)).isEmpty();
    assertThat(runs.latest(job)).isEmpty();
  }

  @Test
  void givenAStartedRun_thenItIsRunningWithOneAttemptUntilFinished() {
    Optional<JobRun> started = runs.start(job, PERIOD, "worker-a", 10, T0);

    assertThat(started).isPresent();
    JobRun running = runs.find(job, PERIOD).orElseThrow();
    assertThat(running.status()).isEqualTo(Status.RUNNING);
    assertThat(running.attempts()).isEqualTo(1);
    assertThat(running.instanceId()).isEqualTo("worker-a");
    assertThat(running.startedAt()).isEqualTo(T0);
    assertThat(running.finishedAt()).isEmpty();

    assertThat(runs.finish(job, PERIOD, 10, Status.SUCCEEDED, T0.plusSeconds(5), Optional.empty()))
        .isTrue();
    JobRun done = runs.find(job, PERIOD).orElseThrow();
    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.finishedAt()).contains(T0.plusSeconds(5));
  }

  @Test
  void givenASucceededPeriod_thenItCannotBeStartedAgain() {
    runs.start(job, PERIOD, "worker-a", 10, T0);
    runs.finish(job, PERIOD, 10, Status.SUCCEEDED, T0, Optional.empty());

    assertThat(runs.start(job, PERIOD, "worker-b", 20, T0.plusSeconds(1))).isEmpty();
    assertThat(runs.find(job, PERIOD).orElseThrow().instanceId()).isEqualTo("worker-a");
  }

  @Test
  void givenAFailedPeriod_whenRetried_thenAttemptsCountUpAndTheErrorIsKeptUntilThen() {
    runs.start(job, PERIOD, "worker-a", 10, T0);
    runs.finish(job, PERIOD, 10, Status.FAILED, T0, Optional.of("boom"));
    assertThat(runs.find(job, PERIOD).orElseThrow().error()).contains("boom");

    JobRun retry = runs.start(job, PERIOD, "worker-b", 11, T0.plusSeconds(2)).orElseThrow();

    assertThat(retry.attempts()).isEqualTo(2);
    assertThat(retry.instanceId()).isEqualTo("worker-b");
    assertThat(runs.find(job, PERIOD).orElseThrow().error()).isEmpty();
  }

  @Test
  void givenAFailedAttempt_whenTheSameLeaseRetries_thenItMayStartAgain() {
    runs.start(job, PERIOD, "worker-a", 10, T0);
    runs.finish(job, PERIOD, 10, Status.FAILED, T0, Optional.of("boom"));

    assertThat(runs.start(job, PERIOD, "worker-a", 10, T0.plusSeconds(1))).isPresent();
    assertThat(runs.find(job, PERIOD).orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void givenATakeover_thenTheStaleHolderCanNeitherRestartNorFinishThePeriod() {
    runs.start(job, PERIOD, "worker-a", 10, T0);
    runs.start(job, PERIOD, "worker-b", 20, T0.plusSeconds(60));

    assertThat(runs.start(job, PERIOD, "worker-a", 10, T0.plusSeconds(61))).isEmpty();
    assertThat(runs.finish(job, PERIOD, 10, Status.SUCCEEDED, T0, Optional.empty())).isFalse();
    assertThat(runs.find(job, PERIOD).orElseThrow().status()).isEqualTo(Status.RUNNING);
    assertThat(runs.finish(job, PERIOD, 20, Status.SUCCEEDED, T0, Optional.empty())).isTrue();
    assertThat(runs.find(job, PERIOD).orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void givenSeveralPeriods_thenLatestIsTheOneWithTheLatestStart() {
    runs.start(job, PERIOD, "w", 1, T0);
    runs.start(job, PERIOD.plusSeconds(300), "w", 2, T0);
    runs.start(job, PERIOD.minusSeconds(300), "w", 3, T0);

    assertThat(runs.latest(job).orElseThrow().periodStart()).isEqualTo(PERIOD.plusSeconds(300));
  }
}
