package io.arrakis.postgres;

import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.port.ActivityRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@code member_activity}: balances as unconstrained numeric, so their scale round-trips. */
final class JdbiActivityRepository implements ActivityRepository {
  private static final RowMapper<ActivityBalance> ROW =
      (rs, ctx) ->
          new ActivityBalance(
              new MemberId(Sql.uuid(rs, "member_id")),
              rs.getBigDecimal("balance"),
              Sql.instant(rs, "last_decay_at"),
              rs.getLong("total_messages"),
              rs.getLong("total_reactions_given"),
              rs.getLong("total_reactions_received"),
              Sql.optInstant(rs, "last_active_at"),
              rs.getBigDecimal("peak_balance"),
              rs.getBigDecimal("points_this_week"),
              rs.getInt("current_streak_days"),
              rs.getInt("longest_streak_days"),
              Sql.optDate(rs, "last_active_day"));
  private final Session session;

  JdbiActivityRepository(Session session) {
    this.session = session;
  }

  @Override
  public Optional<ActivityBalance> find(CommunityId community, MemberId member) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from member_activity where community_id = :c and member_id = :m")
                .bind("c", community.value())
                .bind("m", member.value())
                .map(ROW)
                .findOne());
  }

  @Override
  public List<ActivityBalance> all(CommunityId community) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select * from member_activity where community_id = :c order by member_id")
                .bind("c", community.value())
                .map(ROW)
                .list());
  }

  @Override
  public void save(CommunityId community, ActivityBalance a) {
    session.tenantDo(
        community,
        h ->
            h.createUpdate(
                    """
                    insert into member_activity (community_id, member_id, balance, last_decay_at,
                      total_messages, total_reactions_given, total_reactions_received,
                      last_active_at, peak_balance, points_this_week, current_streak_days,
                      longest_streak_days, last_active_day)
                    values (:c, :m, :balance, :decayAt, :messages, :given, :received, :activeAt,
                      :peak, :week, :streak, :longest, :activeDay)
                    on conflict (community_id, member_id) do update set
                      balance = excluded.balance, last_decay_at = excluded.last_decay_at,
                      total_messages = excluded.total_messages,
                      total_reactions_given = excluded.total_reactions_given,
                      total_reactions_received = excluded.total_reactions_received,
                      last_active_at = excluded.last_active_at,
                      peak_balance = excluded.peak_balance,
                      points_this_week = excluded.points_this_week,
                      current_streak_days = excluded.current_streak_days,
                      longest_streak_days = excluded.longest_streak_days,
                      last_active_day = excluded.last_active_day
                    """)
                .bind("c", community.value())
                .bind("m", a.memberId().value())
                .bind("balance", a.balance())
                .bind("decayAt", a.lastDecayAt())
                .bind("messages", a.totalMessages())
                .bind("given", a.totalReactionsGiven())
                .bind("received", a.totalReactionsReceived())
                .bindByType("activeAt", Sql.orNull(a.lastActiveAt()), Instant.class)
                .bind("peak", a.peakBalance())
                .bind("week", a.pointsThisWeek())
                .bind("streak", a.currentStreakDays())
                .bind("longest", a.longestStreakDays())
                .bindByType("activeDay", a.lastActiveDay().orElse(null), LocalDate.class)
                .execute());
  }
}
