package io.arrakis.postgres;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.Repositories;
import io.arrakis.testkit.domain.AbstractAuditLogRepositoryContractTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

class JdbiAuditLogRepositoryContractIT extends AbstractAuditLogRepositoryContractTest {
  @Override
  protected Repositories repositories() {
    return TestDatabase.get().postgres.repositories();
  }

  /** Reads the rows back as the application role under the community's context. */
  @Override
  protected List<StoredAudit> appended(CommunityId community) throws Exception {
    List<StoredAudit> rows = new ArrayList<>();
    try (Connection c = TestDatabase.get().asApp()) {
      c.setAutoCommit(false);
      try (PreparedStatement set =
          c.prepareStatement("select set_config('app.community_id', ?, true)")) {
        set.setString(1, community.toString());
        set.execute();
      }
      try (PreparedStatement q =
          c.prepareStatement(
              "select event_type, actor, payload::text, created_at from audit_log"
                  + " where community_id = ? order by seq"); ) {
        q.setObject(1, community.value());
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            rows.add(
                new StoredAudit(
                    rs.getString(1),
                    rs.getString(2),
                    flat(rs.getString(3)),
                    Sql.instant(rs, "created_at")));
          }
        }
      }
      c.commit();
    }
    return rows;
  }

  private static final Pattern PAIR =
      Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** Parses PostgreSQL's rendering of a flat object of strings. */
  private static Map<String, String> flat(String json) {
    Map<String, String> map = new LinkedHashMap<>();
    Matcher m = PAIR.matcher(json);
    while (m.find()) {
      map.put(unescape(m.group(1)), unescape(m.group(2)));
    }
    return map;
  }

  private static String unescape(String s) {
    return s.replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
