package io.arrakis.testkit.domain;

import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.port.BadgeRepository;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The catalogue by badge id and member badges by row id, one row per (member, badge). */
public final class InMemoryBadgeRepository implements BadgeRepository {
  private final Map<CommunityId, Map<String, BadgeDefinition>> catalogue = new HashMap<>();
  private final Map<CommunityId, Map<UUID, MemberBadge>> badges = new HashMap<>();

  private static <K, V> Map<K, V> of(Map<CommunityId, Map<K, V>> map, CommunityId community) {
    return map.computeIfAbsent(community, k -> new LinkedHashMap<>());
  }

  @Override
  public synchronized List<BadgeDefinition> catalogue(CommunityId community) {
    return List.copyOf(of(catalogue, community).values());
  }

  @Override
  public synchronized void saveDefinition(CommunityId community, BadgeDefinition definition) {
    of(catalogue, community).put(definition.id(), definition);
  }

  @Override
  public synchronized List<MemberBadge> all(CommunityId community) {
    return List.copyOf(of(badges, community).values());
  }

  @Override
  public synchronized List<MemberBadge> ofMember(CommunityId community, MemberId member) {
    return of(badges, community).values().stream()
        .filter(b -> b.memberId().equals(member))
        .toList();
  }

  @Override
  public synchronized void save(CommunityId community, MemberBadge badge) {
    boolean duplicate =
        of(badges, community).values().stream()
            .anyMatch(
                b ->
                    !b.id().equals(badge.id())
                        && b.memberId().equals(badge.memberId())
                        && b.badgeId().equals(badge.badgeId()));
    if (duplicate) {
      throw new IllegalStateException(
          "member " + badge.memberId() + " already has a row for badge " + badge.badgeId());
    }
    of(badges, community).put(badge.id(), badge);
  }
}
