package io.arrakis.testkit.domain;

import io.arrakis.domain.port.JobRunRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code job_runs} in a map keyed by (job, period start), fenced like the table's updates. */
public final class InMemoryJobRunRepository implements JobRunRepository {
  private record Key(String job, Instant period) {}

  private final Map<Key, JobRun> rows = new HashMap<>();

  /** Every row of the job, oldest period first (for test assertions). */
  public synchronized List<JobRun> all(String jobName) {
    return rows.values().stream()
        .filter(r -> r.jobName().equals(jobName))
        .sorted(Comparator.comparing(JobRun::periodStart))
        .toList();
  }

  @Override
  public synchronized Optional<JobRun> find(String jobName, Instant periodStart) {
    return Optional.ofNullable(rows.get(new Key(jobName, periodStart)));
  }

  @Override
  public synchronized Optional<JobRun> latest(String jobName) {
    return all(jobName).stream().reduce((a, b) -> b);
  }

  @Override
  public synchronized Optional<JobRun> start(
      String jobName, Instant periodStart, String instanceId, long fencingToken, Instant at) {
    Key key = new Key(jobName, periodStart);
    JobRun existing = rows.get(key);
    if (existing != null
        && (existing.status() == Status.SUCCEEDED || existing.fencingToken() > fencingToken)) {
      return Optional.empty();
    }
    JobRun run =
        new JobRun(
            jobName,
            periodStart,
            Status.RUNNING,
            existing == null ? 1 : existing.attempts() + 1,
            instanceId,
            fencingToken,
            at,
            Optional.empty(),
            Optional.empty());
    rows.put(key, run);
    return Optional.of(run);
  }

  @Override
  public synchronized boolean finish(
      String jobName,
      Instant periodStart,
      long fencingToken,
      Status outcome,
      Instant at,
      Optional<String> error) {
    Key key = new Key(jobName, periodStart);
    JobRun existing = rows.get(key);
    if (existing == null
        || existing.fencingToken() != fencingToken
        || existing.status() != Status.RUNNING) {
      return false;
    }
    rows.put(
        key,
        new JobRun(
            jobName,
            periodStart,
            outcome,
            existing.attempts(),
            existing.instanceId(),
            fencingToken,
            existing.startedAt(),
            Optional.of(at),
            error));
    return true;
  }
}
