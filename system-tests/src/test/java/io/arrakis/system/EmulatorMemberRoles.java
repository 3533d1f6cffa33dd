package io.arrakis.system;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.MemberRoles;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.emulator.EmulatorControl;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link MemberRoles} read straight from the emulator (what Discord holds), for a test's one
 * community (other communities see an empty guild): the managed roles are the given role key → role
 * id mapping.
 */
final class EmulatorMemberRoles implements MemberRoles {
  private final EmulatorControl control;
  private final Map<Long, RoleKey> keys = new HashMap<>();
  private final CommunityId community;
  private final long guild;

  EmulatorMemberRoles(
      EmulatorControl control, CommunityId community, long guild, Map<RoleKey, Long> roles) {
    this.control = control;
    this.community = community;
    this.guild = guild;
    roles.forEach((key, id) -> keys.put(id, key));
  }

  /** The guild of the test's community; 0 (no members) for any other community. */
  private long guildOf(CommunityId id) {
    return id.equals(community) ? guild : 0;
  }

  @Override
  public Map<UserId, Set<RoleKey>> holdersOfManagedRoles(CommunityId community) {
    Map<UserId, Set<RoleKey>> out = new HashMap<>();
    long g = guildOf(community);
    if (g == 0) {
      return out;
    }
    for (long user : control.memberIds(g)) {
      Set<RoleKey> held = managed(control.memberRoles(g, user));
      if (!held.isEmpty()) {
        out.put(new UserId(user), held);
      }
    }
    return out;
  }

  @Override
  public Map<UserId, Set<RoleKey>> guildMembers(CommunityId community, Set<UserId> users) {
    Map<UserId, Set<RoleKey>> out = new HashMap<>();
    long g = guildOf(community);
    if (g == 0) {
      return out;
    }
    for (UserId user : users) {
      if (control.isMember(g, user.value())) {
        out.put(user, managed(control.memberRoles(g, user.value())));
      }
    }
    return out;
  }

  private Set<RoleKey> managed(List<Long> roleIds) {
    Set<RoleKey> held = new HashSet<>();
    for (long id : roleIds) {
      RoleKey key = keys.get(id);
      if (key != null) {
        held.add(key);
      }
    }
    return held;
  }
}
