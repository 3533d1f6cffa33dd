package io.arrakis.postgres;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.port.TierHistoryRepository;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierHistoryEntry;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@code tier_history}: append-only. */
final class JdbiTierHistoryRepository implements TierHistoryRepository {
  private static final RowMapper<TierHistoryEntry> ROW =
      (rs, ctx) ->
          new TierHistoryEntry(
              new MemberId(Sql.uuid(rs, "member_id")),
              Sql.optString(rs, "old_tier").map(JdbiTierHistoryRepository::tier),
              Sql.optString(rs, "new_tier").map(JdbiTierHistoryRepository::tier),
              Sql.bigInteger(rs, "balance_at_change"),
              Sql.optInt(rs, "rank_at_change"),
              Sql.instant(rs, "changed_at"));
  private final Session session;

  JdbiTierHistoryRepository(Session session) {
    this.session = session;
  }

  @Override
  public void append(CommunityId community, TierHistoryEntry e) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into tier_history (community_id, member_id, old_tier, new_tier,
                      balance_at_change, rank_at_change, changed_at)
                    values (:c, :m, :old, :new, :balance, :rank, :at)
                    """)
                .bind("c", community.value())
                .bind("m", e.memberId().value())
                .bindByType("old", e.oldTier().map(Tier::id).orElse(null), String.class)
                .bindByType("new", e.newTier().map(Tier::id).orElse(null), String.class)
                .bind("balance", Sql.amount(e.balance()))
                .bindByType("rank", Sql.orNull(e.rank()), Integer.class)
                .bind("at", e.changedAt())
                .execute());
  }

  @Override
  public List<TierHistoryEntry> since(CommunityId community, Instant since) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from tier_history where community_id = :c and changed_at >= :since"
                        + " order by changed_at desc")
                .bind("c", community.value())
                .bind("since", since)
                .map(ROW)
                .list());
  }

  private static Tier tier(String id) {
    return Tier.fromId(id)
        .orElseThrow(() -> new IllegalStateException("unknown tier in tier_history: " + id));
  }
}
