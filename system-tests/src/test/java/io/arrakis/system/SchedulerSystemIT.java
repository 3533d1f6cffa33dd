package io.arrakis.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.port.JobRunRepository;
import io.arrakis.domain.port.JobRunRepository.JobRun;
import io.arrakis.domain.port.JobRunRepository.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two worker processes run the scheduler over one Redis and one PostgreSQL (spec §18). Test-only
 * schedules (six-field crons with seconds, {@code JOB_SCHEDULE_OVERRIDES}) make the periods fall
 * inside the test: {@code verification-expiry} every 3 s during a 15 s window, and one {@code
 * activity-decay} period made slow ({@code JOB_TEST_DELAY}) with a short lease ({@code
 * JOB_MAX_DURATION_OVERRIDES}). Shows that each period runs exactly once across the workers, and
 * that when the holder of a running period is killed (SIGKILL) the other worker runs that period
 * once its lease expired.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulerSystemIT {
  private static final Logger log = LoggerFactory.getLogger(SchedulerSystemIT.class);

  /** The ingestor's checkpoints; a stock Redis (16 databases) shares the fallback like others. */
  private static final int REDIS_DB = 18;

  private static final int FALLBACK_REDIS_DB = 1;
  private static final String EXPIRY = "verification-expiry";
  private static final String DECAY = "activity-decay";
  private static final Duration DECAY_DELAY = Duration.ofSeconds(8);
  private static final Duration DECAY_LEASE = Duration.ofSeconds(3);

  private SietchSystem sys;
  private PrivateRedis redis; // the workers' leases, of this test alone
  private final List<AppProcess> workers = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    redis = PrivateRedis.start("sched-redis");
    int ingestorDb = AppProcess.hasDatabase(REDIS_DB) ? REDIS_DB : FALLBACK_REDIS_DB;
    sys = SietchSystem.start("sched", ingestorDb, redis.url());
  }

  @AfterAll
  void stop() throws Exception {
    for (AppProcess w : workers) {
      w.close();
    }
    if (sys != null) {
      sys.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  /** A six-field cron due at every {@code step} seconds of {@code [from, from + length)} only. */
  private static String window(ZonedDateTime from, int length, int step) {
    return from.getSecond()
        + "-"
        + (from.getSecond() + length - 1)
        + "/"
        + step
        + " "
        + once(from).substring(once(from).indexOf(' ') + 1);
  }

  /** A six-field cron due once a year, at {@code at} (to the second). */
  private static String once(ZonedDateTime at) {
    return at.getSecond()
        + " "
        + at.getMinute()
        + " "
        + at.getHour()
        + " "
        + at.getDayOfMonth()
        + " "
        + at.getMonthValue()
        + " *";
  }

  private AppProcess worker(String instance, Map<String, String> jobs) throws Exception {
    Map<String, String> env = sys.workerEnvironment();
    env.putAll(jobs);
    env.put("WORKER_INSTANCE_ID", instance);
    AppProcess w = AppProcess.worker("sched-" + instance, env);
    workers.add(w);
    return w.awaitHealthy(Duration.ofSeconds(60));
  }

  private static double succeeded(AppProcess worker, String job) throws Exception {
    try {
      return worker.metric(
          "arrakis_worker_job_runs_total", "job=\"" + job + "\",result=\"succeeded\"");
    } catch (AssertionError none) {
      return 0;
    }
  }

  private static void sleepUntil(Instant at) throws InterruptedException {
    long ms = Duration.between(Instant.now(), at).toMillis();
    if (ms > 0) {
      Thread.sleep(ms);
    }
  }

  private JobRun await(
      JobRunRepository runs,
      String job,
      Instant period,
      java.util.function.Predicate<JobRun> done,
      Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    Optional<JobRun> run = Optional.empty();
    while (Instant.now().isBefore(deadline)) {
      run = runs.find(job, period);
      if (run.filter(done).isPresent()) {
        return run.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError(job + " period " + period + " not as expected in time: " + run);
  }

  @Test
  void eachPeriodRunsOnceAcrossTwoWorkersAndAKilledHoldersPeriodIsResumed() throws Exception {
    JobRunRepository runs = sys.db.postgres.jobRuns();
    // the expiry window starts 25 s from now and stays inside one minute (cron fields)
    ZonedDateTime from =
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
    if (from.getSecond() > 44) {
      from = from.plusMinutes(1).withSecond(0);
    }
    Instant windowEnd = from.toInstant().plusSeconds(15);
    ZonedDateTime decayAt = from.plusSeconds(20);
    String expiryCron = window(from, 15, 3);
    String decayCron = once(decayAt);
    Map<String, String> jobs =
        Map.of(
            "JOBS_ENABLED", "true",
            "JOB_TICK_SECONDS", "1",
            "JOB_SCHEDULE_OVERRIDES", EXPIRY + "=" + expiryCron + ";" + DECAY + "=" + decayCron,
            "JOB_MAX_DURATION_OVERRIDES", DECAY + "=" + DECAY_LEASE,
            "JOB_TEST_DELAY", DECAY + "=" + DECAY_DELAY);
    log.info("expiry cron '{}', decay cron '{}'", expiryCron, decayCron);
    AppProcess a = worker("a", jobs);
    AppProcess b = worker("b", jobs);

    // 1. every expiry period of the window, and the catch-up period, ran exactly once
    sleepUntil(windowEnd.plusSeconds(2));
    List<Instant> periods = new ArrayList<>();
    periods.add(from.minusYears(1).plusSeconds(12).toInstant()); // last year's: the catch-up
    for (int second = 0; second < 15; second += 3) {
      periods.add(from.toInstant().plusSeconds(second));
    }
    List<JobRun> ran = new ArrayList<>();
    for (Instant p : periods) {
      runs.find(EXPIRY, p).ifPresent(ran::add);
    }
    double byA = succeeded(a, EXPIRY);
    double byB = succeeded(b, EXPIRY);
    log.info(
        "{} of {} expiry periods ran; worker a ran {}, worker b ran {}: {}",
        ran.size(),
        periods.size(),
        byA,
        byB,
        ran);
    assertThat(ran).hasSizeGreaterThanOrEqualTo(periods.size() / 2);
    assertThat(ran)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(Status.SUCCEEDED);
              assertThat(r.attempts()).isEqualTo(1);
            });
    assertThat(byA + byB).isEqualTo(ran.size());
    // the jobs without overrides ran their catch-up period once too
    for (String job : List.of("badge-check", "weekly-digest", "weekly-reset")) {
      JobRun last = runs.latest(job).orElseThrow();
      assertThat(last.status()).as(job).isEqualTo(Status.SUCCEEDED);
      assertThat(last.attempts()).as(job).isEqualTo(1);
      assertThat(succeeded(a, job) + succeeded(b, job)).as(job).isEqualTo(1);
    }

    // 2. the holder of the slow decay period is killed; the other worker resumes the period
    Instant decayPeriod = decayAt.toInstant();
    JobRun running =
        await(runs, DECAY, decayPeriod, r -> r.status() == Status.RUNNING, Duration.ofSeconds(10));
    AppProcess holder = running.instanceId().equals("a") ? a : b;
    AppProcess survivor = holder == a ? b : a;
    String survivorId = holder == a ? "b" : "a";
    holder.kill();
    Instant killedAt = Instant.now();
    log.info("killed worker {} holding {} period {}", running.instanceId(), DECAY, decayPeriod);

    JobRun resumed =
        await(
            runs,
            DECAY,
            decayPeriod,
            r -> r.status() == Status.SUCCEEDED,
            DECAY_LEASE.plus(DECAY_DELAY).plusSeconds(20));
    log.info(
        "{} period {} resumed by {} {} ms after the kill",
        DECAY,
        decayPeriod,
        resumed.instanceId(),
        Duration.between(killedAt, resumed.finishedAt().orElseThrow()).toMillis());
    assertThat(resumed.instanceId()).isEqualTo(survivorId);
    assertThat(resumed.attempts()).isEqualTo(2);
    assertThat(survivor.isAlive()).isTrue();
    assertThat(succeeded(survivor, DECAY)).isGreaterThanOrEqualTo(1);
  }

  @Test
  void anOperatorListsTheJobsAndRunsOneByHandOncePerPeriod() throws Exception {
    Map<String, String> env = sys.workerEnvironment();

    SietchSystem.Run list = sys.runWorkerJar(env, "run-job", "--list");
    assertThat(list.exitCode()).as(list.output()).isZero();
    assertThat(list.output())
        .contains("verification-expiry", "*/5 * * * *", "activity-decay", "badge-check")
        .contains("weekly-digest", "weekly-reset");

    SietchSystem.Run unknown = sys.runWorkerJar(env, "run-job", "no-such-job");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.output()).contains("unknown job 'no-such-job'", "verification-expiry");

    Instant period = Instant.parse("2020-01-06T00:00:00Z");
    SietchSystem.Run first =
        sys.runWorkerJar(env, "run-job", "weekly-reset", "--period", period.toString());
    log.info("run-job output:\n{}", first.output());
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output()).contains("succeeded");
    JobRun row = sys.db.postgres.jobRuns().find("weekly-reset", period).orElseThrow();
    assertThat(row.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(row.attempts()).isEqualTo(1);

    SietchSystem.Run again =
        sys.runWorkerJar(env, "run-job", "weekly-reset", "--period", period.toString());
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.output()).contains("already succeeded");
    assertThat(sys.db.postgres.jobRuns().find("weekly-reset", period).orElseThrow().attempts())
        .isEqualTo(1);
  }
}
