package io.arrakis.discord;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The guild side of a user in an interaction: role ids, and {@code permissions} — Discord's
 * bitfield of the member's total permissions in the interaction's channel (overwrites applied). It
 * is what server-side admin checks read (spec §1.1: {@link #ADMINISTRATOR} or {@link
 * #MANAGE_GUILD}, or the community's admin role).
 */
public record GuildMember(List<Long> roleIds, long permissions, Optional<String> nick) {
  /** Permission bit 0x8. */
  public static final long ADMINISTRATOR = 1L << 3;

  /** Permission bit 0x20 ("Manage Server"). */
  public static final long MANAGE_GUILD = 1L << 5;

  public GuildMember {
    roleIds = List.copyOf(roleIds);
    Objects.requireNonNull(nick, "nick");
  }

  public boolean hasRole(long roleId) {
    return roleIds.contains(roleId);
  }

  /** True when every bit of {@code mask} is granted (ADMINISTRATOR does not imply others here). */
  public boolean hasPermissions(long mask) {
    return (permissions & mask) == mask;
  }

  /** True when the member has ADMINISTRATOR or MANAGE_GUILD. */
  public boolean canManageGuild() {
    return (permissions & (ADMINISTRATOR | MANAGE_GUILD)) != 0;
  }
}
