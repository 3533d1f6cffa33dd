package io.arrakis.worker.jobs;

import io.arrakis.bot.jobs.JobPeriod;
import io.arrakis.bot.jobs.JobResult;
import io.arrakis.bot.jobs.ScheduledJob;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Per-job overrides from the environment, for operators and tests: {@code JOB_SCHEDULE_OVERRIDES}
 * (another cron, five fields, or six with seconds first for fast tests), {@code
 * JOB_MAX_DURATION_OVERRIDES} (another lease TTL, ISO-8601, e.g. {@code PT10S}) and the test-only
 * {@code JOB_TEST_DELAY} (sleep before the job's work, to make a run slow enough to kill its
 * holder). Each is {@code name=value} pairs separated by {@code ;}.
 */
public record JobOverrides(
    Map<String, String> schedules,
    Map<String, Duration> maxDurations,
    Map<String, Duration> delays) {

  public static final JobOverrides NONE = new JobOverrides(Map.of(), Map.of(), Map.of());

  public JobOverrides {
    schedules = Map.copyOf(schedules);
    maxDurations = Map.copyOf(maxDurations);
    delays = Map.copyOf(delays);
    schedules.values().forEach(CronSchedule::parse);
  }

  /** Parses the three variables; throws {@link IllegalArgumentException} naming the bad one. */
  public static JobOverrides parse(
      Optional<String> schedules, Optional<String> maxDurations, Optional<String> delays) {
    return new JobOverrides(
        pairs("JOB_SCHEDULE_OVERRIDES", schedules, v -> CronSchedule.parse(v).expression()),
        pairs("JOB_MAX_DURATION_OVERRIDES", maxDurations, JobOverrides::duration),
        pairs("JOB_TEST_DELAY", delays, JobOverrides::duration));
  }

  private static Duration duration(String value) {
    try {
      Duration d = Duration.parse(value);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("must be positive: " + value);
      }
      return d;
    } catch (DateTimeParseException ex) {
      throw new IllegalArgumentException("not an ISO-8601 duration (e.g. PT10S): " + value, ex);
    }
  }

  private static <T> Map<String, T> pairs(
      String variable, Optional<String> text, Function<String, T> value) {
    Map<String, T> out = new LinkedHashMap<>();
    for (String pair : text.orElse("").split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException(variable + ": expected name=value, got '" + pair + "'");
      }
      try {
        out.put(pair.substring(0, eq).trim(), value.apply(pair.substring(eq + 1).trim()));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(variable + ": " + ex.getMessage(), ex);
      }
    }
    return out;
  }

  /** The jobs with their overrides applied; refuses an override naming no job. */
  public List<ScheduledJob> apply(List<ScheduledJob> jobs) {
    Set<String> names = Set.copyOf(jobs.stream().map(ScheduledJob::name).toList());
    for (Map<String, ?> m : List.of(schedules, maxDurations, delays)) {
      for (String name : m.keySet()) {
        if (!names.contains(name)) {
          throw new IllegalArgumentException(
              "job override names unknown job '" + name + "'; jobs: " + names);
        }
      }
    }
    return jobs.stream().map(this::apply).toList();
  }

  private ScheduledJob apply(ScheduledJob job) {
    String name = job.name();
    if (!schedules.containsKey(name)
        && !maxDurations.containsKey(name)
        && !delays.containsKey(name)) {
      return job;
    }
    return new Overridden(
        job,
        schedules.getOrDefault(name, job.cron()),
        maxDurations.getOrDefault(name, job.maxDuration()),
        Optional.ofNullable(delays.get(name)));
  }

  /** A job with another schedule, lease TTL or an added delay. */
  private record Overridden(
      ScheduledJob job, String cron, Duration maxDuration, Optional<Duration> delay)
      implements ScheduledJob {
    @Override
    public String name() {
      return job.name();
    }

    @Override
    public int attempts() {
      return job.attempts();
    }

    @Override
    public Optional<String> after() {
      return job.after();
    }

    @Override
    public JobResult run(JobPeriod period) throws Exception {
      if (delay.isPresent()) {
        Thread.sleep(delay.get().toMillis());
      }
      return job.run(period);
    }
  }
}
