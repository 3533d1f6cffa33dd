package io.arrakis.worker;

import io.arrakis.bot.jobs.ScheduledJob;
import io.arrakis.domain.port.JobRunRepository.JobRun;
import io.arrakis.worker.jobs.JobRunner.Outcome;
import io.arrakis.worker.jobs.JobService;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * {@code run-job --list} and {@code run-job NAME [--period ISO-INSTANT]}: the operator's manual
 * trigger. A manual run takes the same lease and records a {@code job_runs} row like a scheduled
 * one. Without {@code --period} it is a period of its own, keyed by the current second, so it never
 * blocks or replaces a scheduled period; with {@code --period} it is that period (e.g. a scheduled
 * one that failed), refused when it already succeeded. Exit 0 when the period ran (or had
 * succeeded), 1 when it failed or another worker holds it, 2 for bad usage.
 */
final class RunJob {
  private RunJob() {}

  static int run(String[] args, Map<String, String> env, PrintStream out) {
    if (args.length == 0 || args.length == 2 || args.length > 3) {
      throw new IllegalArgumentException(
          "usage: run-job --list | run-job NAME [--period ISO-INSTANT]");
    }
    Optional<Instant> period = Optional.empty();
    if (args.length == 3) {
      if (!args[1].equals("--period")) {
        throw new IllegalArgumentException("unknown option " + args[1] + " (expected --period)");
      }
      try {
        period = Optional.of(Instant.parse(args[2]));
      } catch (DateTimeParseException ex) {
        throw new IllegalArgumentException(
            "--period must be an ISO instant like 2025-03-03T00:00:00Z: " + args[2], ex);
      }
    }
    WorkerConfig config = WorkerConfig.fromEnvironment(env);
    Worker worker = DaggerWorkerComponent.factory().create(config).worker();
    try {
      JobService jobs = worker.jobs();
      if (args[0].equals("--list")) {
        list(jobs, out);
        return 0;
      }
      Optional<ScheduledJob> job = jobs.job(args[0]);
      if (job.isEmpty()) {
        throw new IllegalArgumentException(
            "unknown job '"
                + args[0]
                + "'; jobs: "
                + String.join(", ", jobs.scheduler().jobs().keySet()));
      }
      return runOne(jobs, job.get(), period, out);
    } finally {
      worker.close();
    }
  }

  private static void list(JobService jobs, PrintStream out) {
    Instant now = Instant.now();
    out.printf("%-22s %-16s %-22s %s%n", "JOB", "CRON", "NEXT DUE", "LAST RUN");
    for (ScheduledJob job : jobs.scheduler().jobs().values()) {
      String last = jobs.runs().latest(job.name()).map(RunJob::describe).orElse("never");
      out.printf(
          "%-22s %-16s %-22s %s%n",
          job.name(), job.cron(), jobs.scheduler().schedule(job.name()).nextDue(now), last);
    }
  }

  private static int runOne(
      JobService jobs, ScheduledJob job, Optional<Instant> period, PrintStream out) {
    Instant start = period.orElse(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    out.printf(
        "running %s for period %s as %s (lease TTL %s)...%n",
        job.name(), start, jobs.instanceId(), job.maxDuration());
    Outcome outcome = jobs.runNow(job, start, true);
    String row = jobs.runs().find(job.name(), start).map(RunJob::describe).orElse("no row");
    switch (outcome) {
      case SUCCEEDED -> out.println("succeeded: " + row);
      case ALREADY_DONE -> out.println("nothing to do, the period already succeeded: " + row);
      case FAILED -> out.println("failed: " + row);
      case HELD_ELSEWHERE ->
          out.println("not run: another worker holds the period's lease (" + row + ")");
      case FENCED -> out.println("not recorded: a newer lease holder took the period over: " + row);
      case STATE_UNAVAILABLE -> out.println("not run: Redis is unreachable");
    }
    return outcome == Outcome.SUCCEEDED || outcome == Outcome.ALREADY_DONE ? 0 : 1;
  }

  private static String describe(JobRun r) {
    return r.periodStart()
        + " "
        + r.status().name().toLowerCase(java.util.Locale.ROOT)
        + " (attempts "
        + r.attempts()
        + ", "
        + r.instanceId()
        + r.finishedAt().map(f -> ", finished " + f).orElse("")
        + r.error().map(e -> ", error: " + e).orElse("")
        + ")";
  }
}
