package io.arrakis.domain.community;

import io.arrakis.domain.common.Snowflake;
import java.util.Optional;

/**
 * The Discord roles behind one role key ({@code community_roles}): the configured role and, in
 * parallel/primary mode, the bot's namespaced copy.
 */
public record RoleBinding(Optional<Snowflake> discordRoleId, Optional<Snowflake> parallelRoleId) {
  public static RoleBinding of(Snowflake discordRoleId) {
    return new RoleBinding(Optional.of(discordRoleId), Optional.empty());
  }

  public static RoleBinding unset() {
    return new RoleBinding(Optional.empty(), Optional.empty());
  }
}
