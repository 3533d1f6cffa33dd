package io.arrakis.postgres;

import io.arrakis.domain.port.JobRunRepository;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@code job_runs} (global): upserted per (job, period start); every write is conditional on the
 * stored fencing token, so the database, not the caller, refuses a stale lease holder.
 */
final class JdbiJobRunRepository implements JobRunRepository {
  private static final RowMapper<JobRun> ROW =
      (rs, ctx) ->
          new JobRun(
              rs.getString("job_name"),
              Sql.instant(rs, "period_start"),
              Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
              rs.getInt("attempts"),
              rs.getString("instance_id"),
              rs.getLong("fencing_token"),
              Sql.instant(rs, "started_at"),
              Sql.optInstant(rs, "finished_at"),
              Sql.optString(rs, "error"));

  private final Session session;

  JdbiJobRunRepository(Session session) {
    this.session = session;
  }

  @Override
  public Optional<JobRun> find(String jobName, Instant periodStart) {
    return session.global(
        h ->
            h.createQuery("select * from job_runs where job_name = :job and period_start = :p")
                .bind("job", jobName)
                .bind("p", periodStart)
                .map(ROW)
                .findOne());
  }

  @Override
  public Optional<JobRun> latest(String jobName) {
    return session.global(
        h ->
            h.createQuery(
                    "select * from job_runs where job_name = :job"
                        + " order by period_start desc limit 1")
                .bind("job", jobName)
                .map(ROW)
                .findOne());
  }

  @Override
  public Optional<JobRun> start(
      String jobName, Instant periodStart, String instanceId, long fencingToken, Instant at) {
    return session.global(
        h ->
            h.createQuery(
                    """
                    insert into job_runs (id, job_name, period_start, status, attempts,
                      instance_id, started_at, fencing_token)
                    values (:id, :job, :p, 'running', 1, :instance, :at, :token)
                    on conflict (job_name, period_start) do update
                      set status = 'running', attempts = job_runs.attempts + 1,
                        instance_id = excluded.instance_id, started_at = excluded.started_at,
                        finished_at = null, error = null, fencing_token = excluded.fencing_token
                      where job_runs.status <> 'succeeded'
                        and job_runs.fencing_token <= excluded.fencing_token
                    returning *
                    """)
                .bind("id", UUID.randomUUID())
                .bind("job", jobName)
                .bind("p", periodStart)
                .bind("instance", instanceId)
                .bind("at", at)
                .bind("token", fencingToken)
                .map(ROW)
                .findOne());
  }

  @Override
  public boolean finish(
      String jobName,
      Instant periodStart,
      long fencingToken,
      Status outcome,
      Instant at,
      Optional<String> error) {
    return session.global(
        h ->
            h.createUpdate(
                        """
                        update job_runs set status = :status, finished_at = :at, error = :error
                        where job_name = :job and period_start = :p
                          and fencing_token = :token and status = 'running'
                        """)
                    .bind("status", outcome.name().toLowerCase(Locale.ROOT))
                    .bind("at", at)
                    .bind("error", error.orElse(null))
                    .bind("job", jobName)
                    .bind("p", periodStart)
                    .bind("token", fencingToken)
                    .execute()
                == 1);
  }
}
