package io.arrakis.bot.events;

import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.GuildMember;
import java.util.List;
import java.util.stream.Collectors;

/** Gateway members as mirror rows. */
final class Members {
  private Members() {}

  static GuildMember mirrored(GatewayEvent.Member m) {
    return new GuildMember(
        new UserId(m.userId()),
        m.roleIds().stream().map(Snowflake::new).collect(Collectors.toSet()),
        m.bot());
  }

  static List<GuildMember> mirrored(List<GatewayEvent.Member> members) {
    return members.stream().map(Members::mirrored).toList();
  }
}
