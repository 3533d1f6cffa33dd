package io.arrakis.bot.setup;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.state.SessionStore;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Stand-in for a {@code migration_states}/{@code shadow_comparisons} repository: the record as one
 * Redis value, {@code sess:migration:{communityId}:record}, kept {@link #TTL} (spec §20: every key
 * has a TTL). To be replaced by a PostgreSQL port once core-domain has one; nothing else changes.
 */
public final class SessionMigrationRecords implements MigrationRecords {
  /** Long enough for any migration; refreshed by every write. */
  public static final Duration TTL = Duration.ofDays(400);

  static final String USER_SEGMENT = "record";

  private final Sessions sessions;

  public SessionMigrationRecords(SessionStore sessions) {
    this.sessions = new Sessions(Objects.requireNonNull(sessions, "sessions"));
  }

  /** The session type of a community's record ({@code migration:{communityId}}). */
  public static String type(CommunityId community) {
    return "migration:" + community.value();
  }

  @Override
  public Optional<MigrationRecord> read(CommunityId community) {
    return sessions.get(type(community), USER_SEGMENT).map(MigrationRecord::fromJson);
  }

  @Override
  public void write(CommunityId community, MigrationRecord record) {
    sessions.put(type(community), USER_SEGMENT, record.toJson(), TTL);
  }
}
