package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.roles.PendingRevocation;
import io.arrakis.domain.roles.RoleKey;
import java.util.List;

/** {@code role_revocation_pending}: chain roles waiting out their grace period. */
public interface RoleRevocationRepository {
  List<PendingRevocation> all(CommunityId community);

  /** Inserts unless a row for (user, role) exists. */
  void save(CommunityId community, PendingRevocation pending);

  void delete(CommunityId community, UserId user, RoleKey role);
}
