package io.arrakis.postgres;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierHistoryEntry;
import io.arrakis.testkit.domain.AbstractTierHistoryRepositoryContractTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

class JdbiTierHistoryRepositoryContractIT extends AbstractTierHistoryRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return TestDatabase.get().postgres.repositories();
  }

  /** Reads back as the application role under the community's context. */
  @Override
  protected List<TierHistoryEntry> appended(CommunityId community) throws Exception {
    List<TierHistoryEntry> rows = new ArrayList<>();
    try (Connection c = TestDatabase.get().asApp()) {
      c.setAutoCommit(false);
      try (PreparedStatement set =
          c.prepareStatement("select set_config('app.community_id', ?, true)")) {
        set.setString(1, community.toString());
        set.execute();
      }
      try (PreparedStatement q =
          c.prepareStatement(
              "select * from tier_history where community_id = ? order by changed_at")) {
        q.setObject(1, community.value());
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            rows.add(
                new TierHistoryEntry(
                    new MemberId(Sql.uuid(rs, "member_id")),
                    Sql.optString(rs, "old_tier").map(t -> Tier.fromId(t).orElseThrow()),
                    Sql.optString(rs, "new_tier").map(t -> Tier.fromId(t).orElseThrow()),
                    Sql.bigInteger(rs, "balance_at_change"),
                    Sql.optInt(rs, "rank_at_change"),
                    Sql.instant(rs, "changed_at")));
          }
        }
      }
      c.commit();
    }
    return rows;
  }
}
