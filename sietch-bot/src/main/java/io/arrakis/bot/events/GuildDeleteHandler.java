package io.arrakis.bot.events;

import io.arrakis.bot.CommunityDirectory;
import io.arrakis.bot.Transactions;
import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.discord.gateway.GatewayEventDecoder;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.GuildMemberMirror;
import io.arrakis.domain.port.GuildPresence;
import io.arrakis.domain.port.GuildPresenceRepository;
import io.arrakis.domain.port.Repositories;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code GUILD_DELETE} (spec §17): the bot was removed. The community is marked inactive with all
 * its data kept (whether it was active is remembered, to reactivate it on return), the member
 * mirror emptied, {@code community_left} audited. Outage events ({@code unavailable}) and a second
 * delete change nothing.
 */
final class GuildDeleteHandler extends DecodedEventHandler<GatewayEvent.GuildDelete> {
  private final Repositories repos;
  private final GuildMemberMirror mirror;
  private final GuildPresenceRepository presence;
  private final Transactions transactions;
  private final CommunityDirectory directory;
  private final Clock clock;

  GuildDeleteHandler(
      GatewayEventDecoder decoder,
      Repositories repos,
      GuildMemberMirror mirror,
      GuildPresenceRepository presence,
      Transactions transactions,
      CommunityDirectory directory,
      Clock clock) {
    super("GUILD_DELETE", GatewayEvent.GuildDelete.class, decoder);
    this.repos = repos;
    this.mirror = mirror;
    this.presence = presence;
    this.transactions = transactions;
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  void handle(String eventKey, GatewayEvent.GuildDelete event) {
    if (event.unavailable()) {
      return;
    }
    Optional<CommunityConfig> community =
        transactions.withoutCommunity(
            () -> repos.communities().findByGuild(new Snowflake(event.guildId())));
    if (community.isEmpty()) {
      return;
    }
    CommunityConfig c = community.get();
    Instant now = clock.instant();
    transactions.inCommunity(
        c.id(),
        () -> {
          boolean alreadyLeft = presence.find(c.id()).map(p -> !p.inGuild()).orElse(false);
          if (alreadyLeft) {
            return null;
          }
          presence.save(c.id(), GuildPresence.left(c.active(), now));
          if (c.active()) {
            repos.communities().save(c.withActive(false));
          }
          mirror.replaceAll(c.id(), List.of());
          repos
              .auditLog()
              .append(
                  c.id(),
                  AuditEvent.system(
                      AuditType.COMMUNITY_LEFT, "guild", Long.toUnsignedString(event.guildId())),
                  now);
          return null;
        });
    directory.forget(event.guildId());
  }
}
