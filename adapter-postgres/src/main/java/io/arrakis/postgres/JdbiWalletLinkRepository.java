package io.arrakis.postgres;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.WalletLinkRepository;
import io.arrakis.domain.profile.WalletLink;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@code wallet_links}: the primary key is the user, a unique key the wallet. */
final class JdbiWalletLinkRepository implements WalletLinkRepository {
  private static final RowMapper<WalletLink> ROW =
      (rs, ctx) ->
          new WalletLink(
              new UserId(rs.getLong("discord_user_id")),
              new Address(rs.getString("wallet_address")),
              Sql.instant(rs, "verified_at"),
              Sql.optUuid(rs, "session_id"));
  private final Session session;

  JdbiWalletLinkRepository(Session session) {
    this.session = session;
  }

  @Override
  public List<WalletLink> all(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from wallet_links where community_id = :c order by verified_at,"
                        + " discord_user_id")
                .bind("c", community.value())
                .map(ROW)
                .list());
  }

  @Override
  public Optional<WalletLink> byUser(CommunityId community, UserId user) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from wallet_links where community_id = :c and discord_user_id = :u")
                .bind("c", community.value())
                .bind("u", user.value())
                .map(ROW)
                .findOne());
  }

  @Override
  public Optional<WalletLink> byWallet(CommunityId community, Address wallet) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from wallet_links where community_id = :c and wallet_address = :w")
                .bind("c", community.value())
                .bind("w", wallet.value())
                .map(ROW)
                .findOne());
  }

  @Override
  public void save(CommunityId community, WalletLink link) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into wallet_links (community_id, discord_user_id, wallet_address,
                      verified_at, session_id)
                    values (:c, :u, :w, :at, :session)
                    on conflict (community_id, discord_user_id) do update set
                      wallet_address = excluded.wallet_address, verified_at = excluded.verified_at,
                      session_id = excluded.session_id
                    """)
                .bind("c", community.value())
                .bind("u", link.userId().value())
                .bind("w", link.wallet().value())
                .bind("at", link.verifiedAt())
                .bindByType("session", link.sessionId().orElse(null), UUID.class)
                .execute());
  }
}
