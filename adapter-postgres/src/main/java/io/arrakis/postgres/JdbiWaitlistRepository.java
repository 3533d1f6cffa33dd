package io.arrakis.postgres;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.WaitlistRepository;
import io.arrakis.domain.waitlist.ClosedReason;
import io.arrakis.domain.waitlist.ThresholdSnapshot;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code waitlist_registrations} and {@code threshold_snapshots}. */
final class JdbiWaitlistRepository implements WaitlistRepository {
  private final Session session;

  JdbiWaitlistRepository(Session session) {
    this.session = session;
  }

  @Override
  public List<WaitlistRegistration> active(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from waitlist_registrations where community_id = :c and active"
                        + " order by registered_at, id")
                .bind("c", community.value())
                .map(
                    (rs, ctx) -> {
                      Optional<Instant> closedAt = Sql.optInstant(rs, "closed_at");
                      Optional<WaitlistRegistration.Closure> closure = Optional.empty();
                      if (closedAt.isPresent()) {
                        closure =
                            Optional.of(
                                new WaitlistRegistration.Closure(
                                    closedAt.get(),
                                    ClosedReason.valueOf(
                                        rs.getString("closed_reason").toUpperCase(Locale.ROOT))));
                      }
                      return new WaitlistRegistration(
                          Sql.uuid(rs, "id"),
                          new UserId(rs.getLong("discord_user_id")),
                          new Address(rs.getString("wallet_address")),
                          rs.getInt("position_at_registration"),
                          Sql.bigInteger(rs, "balance_at_registration"),
                          Sql.instant(rs, "registered_at"),
                          Sql.optInstant(rs, "notified_at"),
                          closure);
                    })
                .list());
  }

  @Override
  public void save(CommunityId community, WaitlistRegistration r) {
    Optional<WaitlistRegistration.Closure> closure = r.closure();
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into waitlist_registrations (id, community_id, discord_user_id,
                      wallet_address, position_at_registration, balance_at_registration,
                      registered_at, notified, notified_at, active, closed_at, closed_reason)
                    values (:id, :c, :u, :wallet, :position, :balance, :registeredAt, :notified,
                      :notifiedAt, :active, :closedAt, :closedReason)
                    on conflict (id) do update set discord_user_id = excluded.discord_user_id,
                      wallet_address = excluded.wallet_address,
                      position_at_registration = excluded.position_at_registration,
                      balance_at_registration = excluded.balance_at_registration,
                      registered_at = excluded.registered_at, notified = excluded.notified,
                      notified_at = excluded.notified_at, active = excluded.active,
                      closed_at = excluded.closed_at, closed_reason = excluded.closed_reason
                    """)
                .bind("id", r.id())
                .bind("c", community.value())
                .bind("u", r.userId().value())
                .bind("wallet", r.wallet().value())
                .bind("position", r.positionAtRegistration())
                .bind("balance", Sql.amount(r.balanceAtRegistration()))
                .bind("registeredAt", r.registeredAt())
                .bind("notified", r.notified())
                .bindByType("notifiedAt", Sql.orNull(r.notifiedAt()), Instant.class)
                .bind("active", r.active())
                .bindByType(
                    "closedAt",
                    closure.map(WaitlistRegistration.Closure::closedAt).orElse(null),
                    Instant.class)
                .bindByType(
                    "closedReason",
                    closure.map(c -> c.reason().name().toLowerCase(Locale.ROOT)).orElse(null),
                    String.class)
                .execute());
  }

  @Override
  public void saveThresholdSnapshot(CommunityId community, ThresholdSnapshot s) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into threshold_snapshots (id, community_id, snapshot_id, entry_threshold,
                      eligible_count, waitlist_count, waitlist_top_balance,
                      waitlist_bottom_balance, gap_to_entry, created_at)
                    values (:id, :c, :snapshot, :entry, :eligible, :waitlist, :top, :bottom, :gap,
                      :at)
                    """)
                .bind("id", s.id())
                .bind("c", community.value())
                .bind("snapshot", s.snapshotId())
                .bind("entry", Sql.amount(s.entryThreshold()))
                .bind("eligible", s.eligibleCount())
                .bind("waitlist", s.waitlistCount())
                .bindByType("top", Sql.amount(s.waitlistTopBalance()), BigDecimal.class)
                .bindByType("bottom", Sql.amount(s.waitlistBottomBalance()), BigDecimal.class)
                .bind("gap", Sql.amount(s.gapToEntry()))
                .bind("at", s.createdAt())
                .execute());
  }

  @Override
  public List<ThresholdSnapshot> latestThresholdSnapshots(CommunityId community, int limit) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from threshold_snapshots where community_id = :c"
                        + " order by created_at desc, seq desc limit :limit")
                .bind("c", community.value())
                .bind("limit", Math.max(0, limit))
                .map(
                    (rs, ctx) ->
                        new ThresholdSnapshot(
                            Sql.uuid(rs, "id"),
                            Sql.uuid(rs, "snapshot_id"),
                            Sql.bigInteger(rs, "entry_threshold"),
                            rs.getInt("eligible_count"),
                            rs.getInt("waitlist_count"),
                            Sql.optBigInteger(rs, "waitlist_top_balance"),
                            Sql.optBigInteger(rs, "waitlist_bottom_balance"),
                            Sql.bigInteger(rs, "gap_to_entry"),
                            Sql.instant(rs, "created_at")))
                .list());
  }
}
