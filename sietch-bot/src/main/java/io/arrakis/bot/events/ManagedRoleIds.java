package io.arrakis.bot.events;

import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.RoleBinding;
import io.arrakis.domain.roles.RoleKey;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which Discord role stands for each managed role key in a community (spec §4.4 "Mode"): in
 * parallel and primary mode the bot's namespaced copies of the seat and chain roles, the configured
 * roles otherwise. Shadow mode writes nothing but still reads the configured roles, which is what
 * it compares against.
 */
public final class ManagedRoleIds {
  private final Map<Snowflake, RoleKey> keysById = new HashMap<>();

  private ManagedRoleIds(CommunityConfig community) {
    CoexistenceMode mode = community.coexistenceMode();
    community
        .roles()
        .bindings()
        .forEach((key, binding) -> held(key, binding, mode).ifPresent(id -> keysById.put(id, key)));
  }

  public static ManagedRoleIds of(CommunityConfig community) {
    return new ManagedRoleIds(community);
  }

  private static Optional<Snowflake> held(RoleKey key, RoleBinding binding, CoexistenceMode mode) {
    return mode.usesNamespacedRoles() && key.namespacedInParallel()
        ? binding.parallelRoleId()
        : binding.discordRoleId();
  }

  /** The managed role keys among {@code roleIds}. */
  public Set<RoleKey> keys(Set<Snowflake> roleIds) {
    EnumSet<RoleKey> keys = EnumSet.noneOf(RoleKey.class);
    for (Snowflake id : roleIds) {
      RoleKey key = keysById.get(id);
      if (key != null) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** Every Discord role id that stands for a managed key. */
  public Set<Snowflake> ids() {
    return Set.copyOf(keysById.keySet());
  }
}
