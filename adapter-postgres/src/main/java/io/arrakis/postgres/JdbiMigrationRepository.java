package io.arrakis.postgres;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.community.MigrationState;
import io.arrakis.domain.port.MigrationRepository;
import io.arrakis.domain.sync.ShadowComparison;
import io.arrakis.domain.sync.ShadowTotals;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@code migration_states} (one row per community; batch figures of 0 are stored as null) and
 * {@code shadow_comparisons}.
 */
final class JdbiMigrationRepository implements MigrationRepository {
  private static final RowMapper<MigrationState> ROW =
      (rs, ctx) ->
          new MigrationState(
              CoexistenceMode.valueOf(rs.getString("mode").toUpperCase(Locale.ROOT)),
              Sql.optString(rs, "strategy"),
              Sql.instant(rs, "mode_entered_at"),
              Sql.optInstant(rs, "shadow_started_at"),
              Sql.optInt(rs, "batch_size").orElse(0),
              Sql.optInt(rs, "duration_days").orElse(0),
              Sql.optInt(rs, "batches_total").orElse(0),
              rs.getInt("batches_done"),
              Sql.optInstant(rs, "next_batch_at"));

  private final Session session;

  JdbiMigrationRepository(Session session) {
    this.session = session;
  }

  @Override
  public Optional<MigrationState> state(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery("select * from migration_states where community_id = :c")
                .bind("c", community.value())
                .map(ROW)
                .findOne());
  }

  @Override
  public void save(CommunityId community, MigrationState s) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into migration_states (community_id, mode, strategy, mode_entered_at,
                      shadow_started_at, batch_size, duration_days, batches_total, batches_done,
                      next_batch_at)
                    values (:c, :mode, :strategy, :entered, :shadow, :size, :days, :total, :done,
                      :next)
                    on conflict (community_id) do update set
                      mode = excluded.mode, strategy = excluded.strategy,
                      mode_entered_at = excluded.mode_entered_at,
                      shadow_started_at = excluded.shadow_started_at,
                      batch_size = excluded.batch_size, duration_days = excluded.duration_days,
                      batches_total = excluded.batches_total,
                      batches_done = excluded.batches_done, next_batch_at = excluded.next_batch_at
                    """)
                .bind("c", community.value())
                .bind("mode", s.mode().name().toLowerCase(Locale.ROOT))
                .bindByType("strategy", s.strategy().orElse(null), String.class)
                .bind("entered", s.modeEnteredAt())
                .bindByType("shadow", Sql.orNull(s.shadowStartedAt()), Instant.class)
                .bindByType("size", zeroAsNull(s.batchSize()), Integer.class)
                .bindByType("days", zeroAsNull(s.durationDays()), Integer.class)
                .bindByType("total", zeroAsNull(s.batchesTotal()), Integer.class)
                .bind("done", s.batchesDone())
                .bindByType("next", Sql.orNull(s.nextBatchAt()), Instant.class)
                .execute());
  }

  @Override
  public void recordComparison(
      CommunityId community, ShadowComparison comparison, Instant comparedAt) {
    if (comparison.membersCompared() < 0
        || comparison.membersMatched() < 0
        || comparison.membersMatched() > comparison.membersCompared()) {
      throw new IllegalArgumentException("invalid shadow comparison: " + comparison);
    }
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into shadow_comparisons (id, community_id, compared_at,
                      members_compared, members_matched)
                    values (:id, :c, :at, :compared, :matched)
                    """)
                .bind("id", UUID.randomUUID())
                .bind("c", community.value())
                .bind("at", comparedAt)
                .bind("compared", comparison.membersCompared())
                .bind("matched", comparison.membersMatched())
                .execute());
  }

  @Override
  public ShadowTotals comparisonsSince(CommunityId community, Instant since) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    """
                    select coalesce(sum(members_compared), 0) as compared,
                      coalesce(sum(members_matched), 0) as matched
                    from shadow_comparisons where community_id = :c and compared_at >= :since
                    """)
                .bind("c", community.value())
                .bind("since", since)
                .map((rs, ctx) -> new ShadowTotals(rs.getLong("compared"), rs.getLong("matched")))
                .one());
  }

  private static Integer zeroAsNull(int value) {
    return value == 0 ? null : value;
  }
}
