package io.arrakis.postgres;

import static io.arrakis.postgres.Sql.instant;
import static io.arrakis.postgres.Sql.optInstant;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.eligibility.EligibilityOverride;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.OverrideAction;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.eligibility.SyncHealth;
import io.arrakis.domain.port.EligibilityRepository;
import io.arrakis.domain.tiers.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@code eligibility_snapshots} (headers, the current one flagged), {@code eligibility_ranking}
 * (the full current ranking), {@code eligibility_overrides} and {@code sync_health}.
 */
final class JdbiEligibilityRepository implements EligibilityRepository {
  private final Session session;

  JdbiEligibilityRepository(Session session) {
    this.session = session;
  }

  private record Header(UUID id, long block, Instant createdAt) {}

  @Override
  public Optional<EligibilitySnapshot> current(CommunityId community) {
    return session.tenant(
        community,
        h -> {
          Optional<Header> header =
              h.createQuery(
                      "select id, block_number, created_at from eligibility_snapshots"
                          + " where community_id = :c and is_current")
                  .bind("c", community.value())
                  .map(
                      (rs, ctx) ->
                          new Header(
                              Sql.uuid(rs, "id"),
                              rs.getLong("block_number"),
                              instant(rs, "created_at")))
                  .findOne();
          return header.map(
              hd ->
                  new EligibilitySnapshot(
                      hd.id(), hd.block(), hd.createdAt(), new Ranking(ranking(h, community))));
        });
  }

  @Override
  public Optional<UUID> currentSnapshotId(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select id from eligibility_snapshots where community_id = :c and is_current")
                .bind("c", community.value())
                .map((rs, ctx) -> Sql.uuid(rs, "id"))
                .findOne());
  }

  private static List<RankingEntry> ranking(Handle h, CommunityId community) {
    return h.createQuery(
            "select address, rank, balance, eligible, via_override, tier from eligibility_ranking"
                + " where community_id = :c order by ordinal")
        .bind("c", community.value())
        .map(
            (rs, ctx) ->
                new RankingEntry(
                    new Address(rs.getString("address")),
                    Sql.optInt(rs, "rank"),
                    Sql.bigInteger(rs, "balance"),
                    rs.getBoolean("eligible"),
                    rs.getBoolean("via_override"),
                    Sql.optString(rs, "tier").map(t -> Tier.fromId(t).orElseThrow())))
        .list();
  }

  @Override
  public void commit(CommunityId community, EligibilitySnapshot snapshot) {
    session.tenantDo(
        community,
        h -> {
          int waitlistMax =
              h.createQuery("select waitlist_max from communities where id = :c")
                  .bind("c", community.value())
                  .mapTo(Integer.class)
                  .findOne()
                  .orElse(Integer.MAX_VALUE);
          List<Map<String, Object>> summary = new ArrayList<>();
          for (RankingEntry e : snapshot.summary(waitlistMax)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", e.rank());
            row.put("address", e.address());
            row.put("balance", e.balance());
            row.put("eligible", e.eligible());
            row.put("via_override", e.viaOverride());
            row.put("tier", e.tier().map(Tier::id));
            summary.add(row);
          }
          // the old ranking rows point at the old current header: delete them first
          h.createUpdate("delete from eligibility_ranking where community_id = :c")
              .bind("c", community.value())
              .execute();
          h.createUpdate(
                  "update eligibility_snapshots set is_current = false"
                      + " where community_id = :c and is_current")
              .bind("c", community.value())
              .execute();
          h.createUpdate(
                  """
                  insert into eligibility_snapshots (id, community_id, block_number, ranked_count,
                    eligible_count, summary, is_current, created_at)
                  values (:id, :c, :block, :ranked, :eligible, cast(:summary as jsonb), true, :at)
                  on conflict (id) do update set block_number = excluded.block_number,
                    ranked_count = excluded.ranked_count, eligible_count = excluded.eligible_count,
                    summary = excluded.summary, is_current = true, created_at = excluded.created_at
                  """)
              .bind("id", snapshot.id())
              .bind("c", community.value())
              .bind("block", snapshot.blockNumber())
              .bind("ranked", snapshot.rankedCount())
              .bind("eligible", snapshot.eligibleCount())
              .bind("summary", Json.write(summary))
              .bind("at", snapshot.createdAt())
              .execute();
          PreparedBatch batch =
              h.prepareBatch(
                  """
                  insert into eligibility_ranking (community_id, address, snapshot_id, ordinal, rank,
                    balance, eligible, via_override, tier)
                  values (:c, :address, :snapshot, :ordinal, :rank, :balance, :eligible,
                    :viaOverride, :tier)
                  """);
          int ordinal = 0;
          for (RankingEntry e : snapshot.ranking().entries()) {
            batch
                .bind("c", community.value())
                .bind("address", e.address().value())
                .bind("snapshot", snapshot.id())
                .bind("ordinal", ++ordinal)
                .bindByType("rank", Sql.orNull(e.rank()), Integer.class)
                .bind("balance", Sql.amount(e.balance()))
                .bind("eligible", e.eligible())
                .bind("viaOverride", e.viaOverride())
                .bindByType("tier", e.tier().map(Tier::id).orElse(null), String.class)
                .add();
          }
          if (ordinal > 0) {
            batch.execute();
          }
        });
  }

  @Override
  public void purgeSnapshotsBefore(CommunityId community, Instant cutoff) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    "delete from eligibility_snapshots where community_id = :c"
                        + " and created_at < :cutoff and not is_current")
                .bind("c", community.value())
                .bind("cutoff", cutoff)
                .execute());
  }

  @Override
  public List<EligibilityOverride> activeOverrides(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from eligibility_overrides where community_id = :c and active"
                        + " order by created_at, id")
                .bind("c", community.value())
                .map(
                    (rs, ctx) ->
                        new EligibilityOverride(
                            Sql.uuid(rs, "id"),
                            new Address(rs.getString("address")),
                            OverrideAction.valueOf(rs.getString("action").toUpperCase(Locale.ROOT)),
                            rs.getString("reason"),
                            rs.getString("created_by"),
                            instant(rs, "created_at"),
                            optInstant(rs, "expires_at"),
                            rs.getBoolean("active")))
                .list());
  }

  @Override
  public void saveOverride(CommunityId community, EligibilityOverride o) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into eligibility_overrides (id, community_id, address, action, reason,
                      created_by, created_at, expires_at, active)
                    values (:id, :c, :address, :action, :reason, :by, :at, :expires, :active)
                    on conflict (id) do update set address = excluded.address,
                      action = excluded.action, reason = excluded.reason,
                      created_by = excluded.created_by, created_at = excluded.created_at,
                      expires_at = excluded.expires_at, active = excluded.active
                    """)
                .bind("id", o.id())
                .bind("c", community.value())
                .bind("address", o.address().value())
                .bind("action", o.action().name().toLowerCase(Locale.ROOT))
                .bind("reason", o.reason())
                .bind("by", o.createdBy())
                .bind("at", o.createdAt())
                .bindByType("expires", Sql.orNull(o.expiresAt()), Instant.class)
                .bind("active", o.active())
                .execute());
  }

  @Override
  public SyncHealth health(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery("select * from sync_health where community_id = :c")
                .bind("c", community.value())
                .map(
                    (rs, ctx) ->
                        new SyncHealth(
                            optInstant(rs, "last_attempt_at"),
                            optInstant(rs, "last_success_at"),
                            optInstant(rs, "last_failure_at"),
                            rs.getInt("consecutive_failures"),
                            rs.getBoolean("in_grace_period"),
                            Sql.optLong(rs, "last_synced_block"),
                            Sql.optString(rs, "last_error")))
                .findOne()
                .orElseGet(SyncHealth::initial));
  }

  @Override
  public void saveHealth(CommunityId community, SyncHealth s) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into sync_health (community_id, last_attempt_at, last_success_at,
                      last_failure_at, consecutive_failures, in_grace_period, last_synced_block,
                      last_error)
                    values (:c, :attempt, :success, :failure, :failures, :grace, :block, :error)
                    on conflict (community_id) do update set
                      last_attempt_at = excluded.last_attempt_at,
                      last_success_at = excluded.last_success_at,
                      last_failure_at = excluded.last_failure_at,
                      consecutive_failures = excluded.consecutive_failures,
                      in_grace_period = excluded.in_grace_period,
                      last_synced_block = excluded.last_synced_block,
                      last_error = excluded.last_error
                    """)
                .bind("c", community.value())
                .bindByType("attempt", Sql.orNull(s.lastAttemptAt()), Instant.class)
                .bindByType("success", Sql.orNull(s.lastSuccessAt()), Instant.class)
                .bindByType("failure", Sql.orNull(s.lastFailureAt()), Instant.class)
                .bind("failures", s.consecutiveFailures())
                .bind("grace", s.inGracePeriod())
                .bindByType("block", Sql.orNull(s.lastSyncedBlock()), Long.class)
                .bindByType("error", s.lastError().orElse(null), String.class)
                .execute());
  }
}
