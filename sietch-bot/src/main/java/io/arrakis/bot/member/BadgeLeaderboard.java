package io.arrakis.bot.member;

import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.state.SessionStore;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The badge leaderboard's data (spec §15.7): the rendered top-10 lines, the total and every active
 * member's place, cached 60 s in Redis through the {@link SessionStore} (key {@code
 * sess:leaderboard:{communityId}:badges}), so a burst of {@code /leaderboard badges} in a busy
 * server reads the badge table once a minute. The cache is an optimisation: when Redis is away the
 * board is computed from PostgreSQL.
 */
final class BadgeLeaderboard {
  private static final Logger log = LoggerFactory.getLogger(BadgeLeaderboard.class);

  static final Duration TTL = Duration.ofSeconds(60);
  static final int TOP = 10;
  static final List<String> MEDALS = List.of("🥇", "🥈", "🥉");

  /** A member's place: 1-based position and active badge count. */
  record Place(int position, long badges) {}

  /** What is cached: the rendered lines of the top 10, the total, every member's place. */
  record Board(List<String> lines, int total, Map<MemberId, Place> places) {
    /** One record per line: {@code L\t…}, {@code T\t…}, {@code P\t{memberId}\t{n}\t{k}}. */
    String serialize() {
      StringBuilder b = new StringBuilder("T\t").append(total).append('\n');
      lines.forEach(l -> b.append("L\t").append(l).append('\n'));
      places.forEach(
          (m, p) ->
              b.append("P\t")
                  .append(m.value())
                  .append('\t')
                  .append(p.position())
                  .append('\t')
                  .append(p.badges())
                  .append('\n'));
      return b.toString();
    }

    static Optional<Board> parse(String value) {
      try {
        int total = -1;
        List<String> lines = new ArrayList<>();
        Map<MemberId, Place> places = new HashMap<>();
        for (String row : value.split("\n")) {
          if (row.isEmpty()) {
            continue;
          }
          String[] parts = row.split("\t", -1);
          switch (parts[0]) {
            case "T" -> total = Integer.parseInt(parts[1]);
            case "L" -> lines.add(parts[1]);
            case "P" ->
                places.put(
                    new MemberId(UUID.fromString(parts[1])),
                    new Place(Integer.parseInt(parts[2]), Long.parseLong(parts[3])));
            default -> throw new IllegalArgumentException("unknown record " + parts[0]);
          }
        }
        return total < 0 ? Optional.empty() : Optional.of(new Board(lines, total, places));
      } catch (RuntimeException malformed) {
        return Optional.empty(); // recomputed and overwritten
      }
    }
  }

  private final Repositories repos;
  private final SessionStore sessions;

  BadgeLeaderboard(Repositories repos, SessionStore sessions) {
    this.repos = repos;
    this.sessions = sessions;
  }

  /** {@code leaderboard:{communityId}}: the session "type", so the key is per community. */
  static String cacheType(CommunityId community) {
    return "leaderboard:" + community.value();
  }

  static final String CACHE_ID = "badges";

  Board board(CommunityConfig community, Instant now) {
    String type = cacheType(community.id());
    try {
      Optional<Board> cached = sessions.get(type, CACHE_ID).flatMap(Board::parse);
      if (cached.isPresent()) {
        return cached.get();
      }
    } catch (StateUnavailableException ex) {
      log.warn("leaderboard cache unavailable, computing: {}", ex.toString());
      return compute(community, now);
    }
    Board board = compute(community, now);
    try {
      sessions.put(type, CACHE_ID, board.serialize(), TTL);
    } catch (StateUnavailableException ex) {
      log.warn("leaderboard cache unavailable, not stored: {}", ex.toString());
    }
    return board;
  }

  /** Active members by active badge count, ties by earlier {@code created_at}, then nym. */
  Board compute(CommunityConfig community, Instant now) {
    Map<MemberId, Long> counts =
        repos.badges().all(community.id()).stream()
            .filter(MemberBadge::active)
            .collect(Collectors.groupingBy(MemberBadge::memberId, Collectors.counting()));
    List<Profile> ranked =
        repos.profiles().all(community.id()).stream()
            .filter(Profile::active)
            .sorted(
                Comparator.<Profile>comparingLong(p -> -counts.getOrDefault(p.memberId(), 0L))
                    .thenComparing(Profile::createdAt)
                    .thenComparing(p -> p.nym().toLowerCase(java.util.Locale.ROOT)))
            .toList();
    List<String> lines = new ArrayList<>();
    Map<MemberId, Place> places = new HashMap<>();
    for (int i = 0; i < ranked.size(); i++) {
      Profile p = ranked.get(i);
      long k = counts.getOrDefault(p.memberId(), 0L);
      places.put(p.memberId(), new Place(i + 1, k));
      if (i < TOP) {
        String mark = i < MEDALS.size() ? MEDALS.get(i) : "#" + (i + 1);
        lines.add(
            mark
                + " "
                + MemberViews.tierEmojiPrefix(p.tier())
                + p.nym()
                + " · "
                + MemberViews.tenure(p, community, now).label()
                + " · "
                + MemberViews.badges(k));
      }
    }
    return new Board(lines, ranked.size(), places);
  }
}
