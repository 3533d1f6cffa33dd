package io.arrakis.domain.port;

import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import java.util.Objects;
import java.util.Set;

/**
 * A guild member as the gateway last described it: the Discord roles held (ids, managed or not) and
 * whether the account is a bot.
 */
public record GuildMember(UserId user, Set<Snowflake> roleIds, boolean bot) {
  public GuildMember {
    Objects.requireNonNull(user, "user");
    roleIds = Set.copyOf(roleIds);
  }
}
