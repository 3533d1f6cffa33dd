package io.arrakis.postgres;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.naib.SeatClosure;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.naib.UnseatReason;
import io.arrakis.domain.port.SeatRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@code naib_seats}: one open record per seat and per member (deferred exclusion constraints). */
final class JdbiSeatRepository implements SeatRepository {
  private static final RowMapper<SeatRecord> ROW =
      (rs, ctx) -> {
        Optional<Instant> unseatedAt = Sql.optInstant(rs, "unseated_at");
        Optional<SeatClosure> closure = Optional.empty();
        if (unseatedAt.isPresent()) {
          closure =
              Optional.of(
                  new SeatClosure(
                      unseatedAt.get(),
                      UnseatReason.valueOf(rs.getString("unseat_reason").toUpperCase(Locale.ROOT)),
                      Sql.optUuid(rs, "bumped_by_member_id").map(MemberId::new),
                      Sql.bigInteger(rs, "balance_at_unseating")));
        }
        return new SeatRecord(
            Sql.uuid(rs, "id"),
            rs.getInt("seat_number"),
            new MemberId(Sql.uuid(rs, "member_id")),
            Sql.instant(rs, "seated_at"),
            Sql.bigInteger(rs, "balance_at_seating"),
            closure);
      };
  private final Session session;

  JdbiSeatRepository(Session session) {
    this.session = session;
  }

  @Override
  public List<SeatRecord> open(CommunityId community) {
    return list(community, " and unseated_at is null");
  }

  @Override
  public List<SeatRecord> all(CommunityId community) {
    return list(community, "");
  }

  private List<SeatRecord> list(CommunityId community, String condition) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from naib_seats where community_id = :c"
                        + condition
                        + " order by seated_at, seat_number, id")
                .bind("c", community.value())
                .map(ROW)
                .list());
  }

  @Override
  public Optional<Instant> firstEverSeating(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery("select min(seated_at) as first from naib_seats where community_id = :c")
                .bind("c", community.value())
                .map((rs, ctx) -> Sql.optInstant(rs, "first"))
                .one());
  }

  @Override
  public void save(CommunityId community, SeatRecord s) {
    Optional<SeatClosure> closure = s.closure();
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into naib_seats (id, community_id, seat_number, member_id, seated_at,
                      unseated_at, unseat_reason, bumped_by_member_id, balance_at_seating,
                      balance_at_unseating)
                    values (:id, :c, :seat, :member, :seated, :unseated, :reason, :bumpedBy,
                      :balance, :balanceOut)
                    on conflict (id) do update set seat_number = excluded.seat_number,
                      member_id = excluded.member_id, seated_at = excluded.seated_at,
                      unseated_at = excluded.unseated_at, unseat_reason = excluded.unseat_reason,
                      bumped_by_member_id = excluded.bumped_by_member_id,
                      balance_at_seating = excluded.balance_at_seating,
                      balance_at_unseating = excluded.balance_at_unseating
                    where naib_seats.community_id = excluded.community_id
                    """)
                .bind("id", s.id())
                .bind("c", community.value())
                .bind("seat", s.seatNumber())
                .bind("member", s.memberId().value())
                .bind("seated", s.seatedAt())
                .bindByType(
                    "unseated", closure.map(SeatClosure::unseatedAt).orElse(null), Instant.class)
                .bindByType("reason", closure.map(c -> c.reason().id()).orElse(null), String.class)
                .bindByType(
                    "bumpedBy",
                    closure.flatMap(SeatClosure::bumpedBy).map(MemberId::value).orElse(null),
                    UUID.class)
                .bind("balance", Sql.amount(s.balanceAtSeating()))
                .bindByType(
                    "balanceOut",
                    closure.map(c -> Sql.amount(c.balanceAtUnseating())).orElse(null),
                    BigDecimal.class)
                .execute());
  }
}
