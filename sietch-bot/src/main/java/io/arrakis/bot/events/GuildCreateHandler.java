package io.arrakis.bot.events;

import io.arrakis.bot.CommunityDirectory;
import io.arrakis.bot.Transactions;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.discord.gateway.GatewayEventDecoder;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.port.CommunityRepository;
import io.arrakis.domain.port.GuildMemberMirror;
import io.arrakis.domain.port.GuildPresence;
import io.arrakis.domain.port.GuildPresenceRepository;
import io.arrakis.domain.port.Repositories;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code GUILD_CREATE} (spec §17): the bot was added, or is back after a restart or outage. A guild
 * without a community gets one (inactive, Sietch preset); a community whose bot had been removed is
 * joined again — reactivated when it was active then (deployed); both audit {@code
 * community_joined}. A guild the bot is already in changes nothing. Every time, the member list
 * refreshes the mirror: replaced when complete, else merged and the full list requested ({@code
 * members.request}, answered as member chunks).
 */
final class GuildCreateHandler extends DecodedEventHandler<GatewayEvent.GuildCreate> {
  private final Repositories repos;
  private final GuildMemberMirror mirror;
  private final GuildPresenceRepository presence;
  private final Transactions transactions;
  private final CommunityDirectory directory;
  private final ActionQueue actions;
  private final Clock clock;

  GuildCreateHandler(
      GatewayEventDecoder decoder,
      Repositories repos,
      GuildMemberMirror mirror,
      GuildPresenceRepository presence,
      Transactions transactions,
      CommunityDirectory directory,
      ActionQueue actions,
      Clock clock) {
    super("GUILD_CREATE", GatewayEvent.GuildCreate.class, decoder);
    this.repos = repos;
    this.mirror = mirror;
    this.presence = presence;
    this.transactions = transactions;
    this.directory = directory;
    this.actions = actions;
    this.clock = clock;
  }

  @Override
  void handle(String eventKey, GatewayEvent.GuildCreate event) throws Exception {
    if (event.unavailable()) {
      return; // an outage placeholder: no members, nothing to decide
    }
    Snowflake guild = new Snowflake(event.guildId());
    Instant now = clock.instant();
    CommunityRepository communities = repos.communities();
    Optional<CommunityConfig> existing =
        transactions.withoutCommunity(() -> communities.findByGuild(guild));
    CommunityId id = existing.map(CommunityConfig::id).orElseGet(CommunityId::random);
    List<DiscordAction> queued =
        transactions.inCommunity(
            id,
            () -> {
              joinOrNothing(event, existing, id, now);
              if (event.hasAllMembers()) {
                mirror.replaceAll(id, Members.mirrored(event.members()));
                return List.<DiscordAction>of();
              }
              mirror.upsertAll(id, Members.mirrored(event.members()));
              return List.<DiscordAction>of(
                  new DiscordAction.RequestMembers(
                      ActionQueue.id(eventKey, "members.request"), event.guildId()));
            });
    directory.forget(event.guildId());
    actions.submit(queued);
  }

  private void joinOrNothing(
      GatewayEvent.GuildCreate event,
      Optional<CommunityConfig> existing,
      CommunityId id,
      Instant now) {
    if (existing.isEmpty()) {
      String name = event.name().isBlank() ? Long.toUnsignedString(event.guildId()) : event.name();
      repos.communities().save(SietchPreset.newCommunity(id, new Snowflake(event.guildId()), name));
      joined(id, event, now);
      return;
    }
    Optional<GuildPresence> was = presence.find(id);
    if (was.isEmpty()) {
      // created by /onboard or before presence was recorded: the bot is already in the guild
      presence.save(id, GuildPresence.joined(now));
    } else if (!was.get().inGuild()) {
      if (was.get().activeWhenLeft() && !existing.get().active()) {
        repos.communities().save(existing.get().withActive(true));
      }
      joined(id, event, now);
    }
  }

  private void joined(CommunityId id, GatewayEvent.GuildCreate event, Instant now) {
    presence.save(id, GuildPresence.joined(now));
    repos
        .auditLog()
        .append(
            id,
            AuditEvent.system(
                AuditType.COMMUNITY_JOINED, "guild", Long.toUnsignedString(event.guildId())),
            now);
  }
}
