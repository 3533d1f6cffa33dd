package io.arrakis.postgres;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.TierHistoryRepository;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierHistoryEntry;

/** {@code tier_history}: append-only. */
final class JdbiTierHistoryRepository implements TierHistoryRepository {
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
}
