package io.arrakis.domain.fakes;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.MemberRoles;
import io.arrakis.domain.roles.RoleKey;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** One guild's members and their managed roles. */
public final class InMemoryMemberRoles implements MemberRoles {
  private final Map<UserId, Set<RoleKey>> members = new HashMap<>();

  public InMemoryMemberRoles join(UserId user, RoleKey... roles) {
    Set<RoleKey> set = EnumSet.noneOf(RoleKey.class);
    set.addAll(java.util.List.of(roles));
    members.put(user, set);
    return this;
  }

  public void grant(UserId user, RoleKey role) {
    members.computeIfAbsent(user, u -> EnumSet.noneOf(RoleKey.class)).add(role);
  }

  public void remove(UserId user, RoleKey role) {
    Set<RoleKey> roles = members.get(user);
    if (roles != null) {
      roles.remove(role);
    }
  }

  public Set<RoleKey> rolesOf(UserId user) {
    return Set.copyOf(members.getOrDefault(user, Set.of()));
  }

  @Override
  public Map<UserId, Set<RoleKey>> holdersOfManagedRoles(CommunityId community) {
    Map<UserId, Set<RoleKey>> result = new HashMap<>();
    members.forEach(
        (u, r) -> {
          if (!r.isEmpty()) {
            result.put(u, Set.copyOf(r));
          }
        });
    return result;
  }

  @Override
  public Map<UserId, Set<RoleKey>> guildMembers(CommunityId community, Set<UserId> users) {
    Map<UserId, Set<RoleKey>> result = new HashMap<>();
    for (UserId u : users) {
      if (members.containsKey(u)) {
        result.put(u, Set.copyOf(members.get(u)));
      }
    }
    return result;
  }
}
