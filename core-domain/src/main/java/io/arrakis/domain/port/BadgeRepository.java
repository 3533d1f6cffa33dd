package io.arrakis.domain.port;

import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import java.util.List;

/** {@code badges} (the catalogue) and {@code member_badges}. */
public interface BadgeRepository {
  List<BadgeDefinition> catalogue(CommunityId community);

  void saveDefinition(CommunityId community, BadgeDefinition definition);

  /** Every member badge row of the community, revoked ones included. */
  List<MemberBadge> all(CommunityId community);

  List<MemberBadge> ofMember(CommunityId community, MemberId member);

  /** Inserts or updates; one row per (member, badge). */
  void save(CommunityId community, MemberBadge badge);
}
