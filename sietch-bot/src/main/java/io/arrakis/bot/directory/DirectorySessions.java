package io.arrakis.bot.directory;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.state.SessionStore;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code sess:directory:{communityId}:{userId}} (spec §20): 5 minutes, written again (so refreshed)
 * on every interaction. In Redis, so any worker serves the next click.
 */
final class DirectorySessions {
  static final Duration TTL = Duration.ofMinutes(5);

  private final SessionStore sessions;

  DirectorySessions(SessionStore sessions) {
    this.sessions = sessions;
  }

  static String type(CommunityId community) {
    return "directory:" + community.value();
  }

  static String user(UserId user) {
    return Long.toUnsignedString(user.value());
  }

  /** The viewer's state, or the defaults when there is none (expired, never created). */
  DirectoryState load(CommunityId community, UserId user) throws StateUnavailableException {
    Optional<String> stored = sessions.get(type(community), user(user));
    return stored.map(DirectoryState::decode).orElseGet(DirectoryState::defaults);
  }

  void save(CommunityId community, UserId user, DirectoryState state)
      throws StateUnavailableException {
    sessions.put(type(community), user(user), state.encode(), TTL);
  }
}
