package io.arrakis.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.WalletLink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant isolation proof (issue 5), through the application role with plain SQL that carries no
 * {@code community_id} filter of its own: only row-level security stands between communities.
 */
class RowLevelSecurityIT {
  private final TestDatabase db = TestDatabase.get();
  private CommunityId a;
  private CommunityId b;
  private Address walletOfB;

  @BeforeEach
  void twoCommunitiesWithRows() {
    Repositories repos = db.postgres.repositories();
    a = CommunityId.random();
    b = CommunityId.random();
    for (CommunityId c : List.of(a, b)) {
      repos
          .communities()
          .save(
              SietchPreset.newCommunity(
                  c, new Snowflake(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)), "g"));
    }
    repos.walletLinks().save(a, new WalletLink(new UserId(1), address(), Instant.now()));
    walletOfB = address();
    repos.walletLinks().save(b, new WalletLink(new UserId(2), walletOfB, Instant.now()));
  }

  private static Address address() {
    return new Address("0x" + UUID.randomUUID().toString().replace("-", "") + "00000000");
  }

  private static void context(Connection c, CommunityId community) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("select set_config('app.community_id', ?, true)")) {
      s.setString(1, community.toString());
      s.execute();
    }
  }

  private static List<String> column(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static int update(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  private static List<String> tenantTables(Connection c) throws SQLException {
    return column(
        c,
        "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = 'sietch' and c.relkind = 'r' and exists (select 1 from"
            + " pg_attribute a where a.attrelid = c.oid and a.attname = 'community_id')"
            + " order by 1");
  }

  @Test
  void givenCommunityAsContext_whenQueryingEveryTenantTableUnfiltered_thenOnlyAsRowsAreVisible()
      throws Exception {
    try (Connection c = db.asApp()) {
      c.setAutoCommit(false);
      context(c, a);
      assertThat(column(c, "select community_id::text from wallet_links"))
          .containsExactly(a.toString());
      for (String table : tenantTables(c)) {
        assertThat(
                column(c, "select count(*) from " + table + " where community_id <> '" + a + "'"))
            .as(table)
            .containsExactly("0");
      }
      c.rollback();
    }
  }

  @Test
  void givenCommunityAsContext_whenWritingBsRows_thenNothingChangesOrTheDatabaseRefuses()
      throws Exception {
    try (Connection c = db.asApp()) {
      c.setAutoCommit(false);
      context(c, a);
      assertThat(
              update(
                  c,
                  "update wallet_links set verified_at = now() where community_id = '" + b + "'"))
          .isZero();
      assertThat(update(c, "delete from wallet_links where community_id = '" + b + "'")).isZero();
      assertThatThrownBy(
              () ->
                  update(
                      c,
                      "insert into wallet_links (community_id, discord_user_id, wallet_address,"
                          + " verified_at) values ('"
                          + b
                          + "', 3, '"
                          + address()
                          + "', now())"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("row-level security");
      c.rollback();
      context(c, a);
      // moving A's row into B is refused too (the WITH CHECK side of the update policy)
      assertThatThrownBy(() -> update(c, "update wallet_links set community_id = '" + b + "'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("row-level security");
      c.rollback();
    }
    assertThat(db.postgres.repositories().walletLinks().byWallet(b, walletOfB)).isPresent();
  }

  @Test
  void givenNoCommunityContext_whenQueryingOrWriting_thenNothingIsSeenAndWritesFail()
      throws Exception {
    try (Connection c = db.asApp()) {
      c.setAutoCommit(false);
      assertThatThrownBy(() -> column(c, "select * from wallet_links"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("no community context");
      c.rollback();
      for (String table : tenantTables(c)) {
        // fail closed: either the policy raises, or (an empty table) no row is returned
        try {
          assertThat(column(c, "select community_id::text from " + table)).as(table).isEmpty();
        } catch (SQLException e) {
          assertThat(e.getMessage()).contains("no community context");
        }
        c.rollback();
      }
      assertThatThrownBy(
              () ->
                  update(
                      c,
                      "insert into wallet_links (community_id, discord_user_id, wallet_address,"
                          + " verified_at) values ('"
                          + a
                          + "', 4, '"
                          + address()
                          + "', now())"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("no community context");
      c.rollback();
      assertThatThrownBy(() -> update(c, "delete from wallet_links"))
          .isInstanceOf(SQLException.class);
      c.rollback();
    }
  }

  @Test
  void givenAContextSetInATransaction_whenTheNextTransactionStarts_thenItIsGone() throws Exception {
    try (Connection c = db.asApp()) {
      c.setAutoCommit(false);
      context(c, a);
      assertThat(column(c, "select community_id::text from wallet_links")).isNotEmpty();
      c.commit();
      assertThatThrownBy(() -> column(c, "select * from wallet_links"))
          .hasMessageContaining("no community context");
      c.rollback();
    }
  }

  @Test
  void givenTheApplicationRole_thenItCannotBypassOrDisableRlsNorRewriteTheAuditLog()
      throws Exception {
    try (Connection c = db.asApp()) {
      assertThat(
              column(
                  c,
                  "select rolsuper::text || rolbypassrls::text from pg_roles"
                      + " where rolname = current_user"))
          .containsExactly("falsefalse");
      assertThat(column(c, "select count(*) from pg_tables where tableowner = current_user"))
          .containsExactly("0");
      assertThat(
              column(
                  c,
                  "select count(*) from pg_class where relnamespace = 'sietch'::regnamespace"
                      + " and relkind = 'r' and relname in (select relname from pg_class where"
                      + " relrowsecurity and relforcerowsecurity)"))
          .containsExactly(String.valueOf(tenantTables(c).size()));
      assertThatThrownBy(() -> update(c, "alter table wallet_links disable row level security"))
          .isInstanceOf(SQLException.class);
      c.setAutoCommit(false);
      context(c, a);
      assertThatThrownBy(() -> update(c, "delete from audit_log"))
          .hasMessageContaining("permission denied");
      c.rollback();
      assertThatThrownBy(() -> update(c, "set session_replication_role = replica"))
          .isInstanceOf(SQLException.class);
      c.rollback();
    }
  }

  @Test
  void givenTheMigrationRole_thenItSeesEveryCommunityButTheAppRefusesToConnectAsIt()
      throws Exception {
    try (Connection c = db.asMigrator()) {
      assertThat(
              column(
                  c,
                  "select community_id::text from wallet_links where community_id in ('"
                      + a
                      + "', '"
                      + b
                      + "')"))
          .containsExactlyInAnyOrder(a.toString(), b.toString());
    }
    PostgresSettings asMigrator =
        new PostgresSettings(
            db.url, TestDatabase.MIGRATOR, TestDatabase.MIGRATOR_PASSWORD, "sietch", 1);
    assertThatThrownBy(() -> Postgres.connect(asMigrator))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("BYPASSRLS");
  }
}
