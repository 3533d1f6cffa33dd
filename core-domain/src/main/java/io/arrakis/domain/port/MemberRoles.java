package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.roles.RoleKey;
import java.util.Map;
import java.util.Set;

/**
 * The managed roles guild members hold right now (the "actual" side of reconciliation, spec §4.4),
 * as role keys: the adapter maps Discord role ids back to keys, using the namespaced copies in
 * parallel/primary mode. Read-only; role writes are effects.
 */
public interface MemberRoles {

  /** Guild members holding at least one managed role, with those roles. */
  Map<UserId, Set<RoleKey>> holdersOfManagedRoles(CommunityId community);

  /**
   * Which of {@code users} are in the guild, with their managed roles (possibly none). A user
   * absent from the result is not a guild member.
   */
  Map<UserId, Set<RoleKey>> guildMembers(CommunityId community, Set<UserId> users);
}
