package io.arrakis.postgres;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.WeeklyDigestRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@code weekly_digests} (tenant table): the unique (community, week) index refuses a second digest
 * ({@code on conflict do nothing}). Figures are a flat JSON object of strings.
 */
final class JdbiWeeklyDigestRepository implements WeeklyDigestRepository {
  private final Session session;

  JdbiWeeklyDigestRepository(Session session) {
    this.session = session;
  }

  @Override
  public Optional<WeeklyDigest> find(CommunityId community, String weekId) {
    return session.tenant(
        community,
        h ->
            h.createQuery(
                    "select id, week_id, channel_id, message_id, created_at from weekly_digests"
                        + " where community_id = :c and week_id = :w")
                .bind("c", community.value())
                .bind("w", weekId)
                .map(
                    (rs, ctx) ->
                        new WeeklyDigest(
                            Sql.uuid(rs, "id"),
                            rs.getString("week_id"),
                            rs.getLong("channel_id"),
                            Sql.optLongBoxed(rs, "message_id"),
                            Map.of(),
                            Sql.instant(rs, "created_at")))
                .findOne()
                .map(d -> withFigures(h, d)));
  }

  private static WeeklyDigest withFigures(Handle h, WeeklyDigest d) {
    Map<String, String> figures = new LinkedHashMap<>();
    h.createQuery(
            "select f.key, f.value from weekly_digests, jsonb_each_text(figures) f where id = :id")
        .bind("id", d.id())
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> figures.put(e.getKey(), e.getValue()));
    return new WeeklyDigest(
        d.id(), d.weekId(), d.channelId(), d.messageId(), figures, d.createdAt());
  }

  @Override
  public boolean insertIfAbsent(CommunityId community, WeeklyDigest digest) {
    return session.tenant(
        community,
        h ->
            h.createUpdate(
                        """
                        insert into weekly_digests (id, community_id, week_id, channel_id,
                          message_id, figures, created_at)
                        values (:id, :c, :w, :channel, :message, cast(:figures as jsonb), :at)
                        on conflict (community_id, week_id) do nothing
                        """)
                    .bind("id", digest.id())
                    .bind("c", community.value())
                    .bind("w", digest.weekId())
                    .bind("channel", digest.channelId())
                    .bind("message", digest.messageId().orElse(null))
                    .bind("figures", Json.object(digest.figures()))
                    .bind("at", digest.createdAt())
                    .execute()
                == 1);
  }
}
