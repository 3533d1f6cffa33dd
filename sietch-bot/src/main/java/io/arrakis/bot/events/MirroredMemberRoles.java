package io.arrakis.bot.events;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.CommunityRepository;
import io.arrakis.domain.port.GuildMember;
import io.arrakis.domain.port.GuildMemberMirror;
import io.arrakis.domain.port.MemberRoles;
import io.arrakis.domain.roles.RoleKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@link MemberRoles} over the guild member mirror: Discord role ids mapped to role keys through
 * the community's role mapping and coexistence mode ({@link ManagedRoleIds}). Call it inside the
 * community's transaction, like any repository.
 */
public final class MirroredMemberRoles implements MemberRoles {
  private final GuildMemberMirror mirror;
  private final CommunityRepository communities;

  public MirroredMemberRoles(GuildMemberMirror mirror, CommunityRepository communities) {
    this.mirror = mirror;
    this.communities = communities;
  }

  @Override
  public Map<UserId, Set<RoleKey>> holdersOfManagedRoles(CommunityId community) {
    ManagedRoleIds roles = roles(community);
    Map<UserId, Set<RoleKey>> holders = new HashMap<>();
    for (GuildMember m : mirror.withAnyRole(community, roles.ids())) {
      Set<RoleKey> keys = roles.keys(m.roleIds());
      if (!keys.isEmpty()) {
        holders.put(m.user(), keys);
      }
    }
    return holders;
  }

  @Override
  public Map<UserId, Set<RoleKey>> guildMembers(CommunityId community, Set<UserId> users) {
    ManagedRoleIds roles = roles(community);
    Map<UserId, Set<RoleKey>> members = new HashMap<>();
    mirror.find(community, users).forEach((user, m) -> members.put(user, roles.keys(m.roleIds())));
    return members;
  }

  private ManagedRoleIds roles(CommunityId community) {
    CommunityConfig config =
        communities
            .find(community)
            .orElseThrow(() -> new IllegalStateException("no community " + community));
    return ManagedRoleIds.of(config);
  }
}
