package io.arrakis.domain.community;

import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.roles.RoleKey;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Role key → Discord role ids. An unset optional role is simply never assigned (spec §2). */
public record RoleMapping(Map<RoleKey, RoleBinding> bindings) {

  public RoleMapping {
    EnumMap<RoleKey, RoleBinding> copy = new EnumMap<>(RoleKey.class);
    copy.putAll(bindings);
    bindings = Collections.unmodifiableMap(copy);
  }

  public static RoleMapping empty() {
    return new RoleMapping(Map.of());
  }

  public RoleMapping with(RoleKey key, Snowflake roleId) {
    EnumMap<RoleKey, RoleBinding> copy = new EnumMap<>(RoleKey.class);
    copy.putAll(bindings);
    RoleBinding current = copy.getOrDefault(key, RoleBinding.unset());
    copy.put(key, new RoleBinding(Optional.of(roleId), current.parallelRoleId()));
    return new RoleMapping(copy);
  }

  public RoleMapping withParallel(RoleKey key, Snowflake roleId) {
    EnumMap<RoleKey, RoleBinding> copy = new EnumMap<>(RoleKey.class);
    copy.putAll(bindings);
    RoleBinding current = copy.getOrDefault(key, RoleBinding.unset());
    copy.put(key, new RoleBinding(current.discordRoleId(), Optional.of(roleId)));
    return new RoleMapping(copy);
  }

  /**
   * The Discord role the bot writes for {@code key} in {@code mode}: nothing in shadow mode, the
   * namespaced copy of seat and chain roles in parallel/primary mode, the configured role
   * otherwise.
   */
  public Optional<Snowflake> writableRole(RoleKey key, CoexistenceMode mode) {
    if (!mode.writesRoles()) {
      return Optional.empty();
    }
    RoleBinding binding = bindings.getOrDefault(key, RoleBinding.unset());
    return mode.usesNamespacedRoles() && key.namespacedInParallel()
        ? binding.parallelRoleId()
        : binding.discordRoleId();
  }

  /** Keys that have a configured Discord role. */
  public Set<RoleKey> configuredKeys() {
    EnumSet<RoleKey> keys = EnumSet.noneOf(RoleKey.class);
    bindings.forEach((k, b) -> b.discordRoleId().ifPresent(id -> keys.add(k)));
    return keys;
  }
}
