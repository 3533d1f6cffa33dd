package io.arrakis.bot;

import io.arrakis.discord.GuildMember;
import io.arrakis.discord.Interaction;
import io.arrakis.domain.community.CommunityConfig;
import java.util.Optional;

/**
 * Spec §1.1's server-side admin check, for every admin command, control and completion: the
 * member's permissions in the channel contain ADMINISTRATOR or MANAGE_GUILD, or their roles include
 * the community's admin role. The permission set registered with the command is only a default a
 * server can change, and a forged payload can claim anything but the permissions Discord computed.
 */
public final class AdminCheck {
  private AdminCheck() {}

  public static boolean isAdmin(Interaction interaction, CommunityConfig community) {
    Optional<GuildMember> member = interaction.context().member();
    if (member.isEmpty()) {
      return false; // admin actions happen in a guild
    }
    GuildMember m = member.get();
    return m.hasPermissions(GuildMember.ADMINISTRATOR)
        || m.hasPermissions(GuildMember.MANAGE_GUILD)
        || community.adminRoleId().map(r -> m.hasRole(r.value())).orElse(false);
  }
}
