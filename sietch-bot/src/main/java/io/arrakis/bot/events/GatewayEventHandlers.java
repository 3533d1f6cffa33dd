package io.arrakis.bot.events;

import io.arrakis.bot.BotPorts;
import io.arrakis.bot.CommunityDirectory;
import io.arrakis.bot.GuildEventHandler;
import io.arrakis.bot.Transactions;
import io.arrakis.discord.action.DiscordActions;
import io.arrakis.discord.gateway.GatewayEventDecoder;
import io.arrakis.domain.port.GuildMemberMirror;
import io.arrakis.domain.port.GuildPresenceRepository;
import io.arrakis.domain.port.Repositories;
import java.util.List;

/** The handlers of spec §17's gateway events, one per event type, as the worker wires them. */
public final class GatewayEventHandlers {
  private final List<GuildEventHandler> all;

  public GatewayEventHandlers(
      BotPorts ports,
      GuildMemberMirror mirror,
      GuildPresenceRepository presence,
      Transactions transactions,
      CommunityDirectory directory,
      DiscordActions discordActions,
      GatewayEventDecoder decoder) {
    Repositories repos = ports.repositories();
    ActionQueue actions = new ActionQueue(discordActions);
    OnboardingInvite onboarding = new OnboardingInvite(repos, ports.sessions());
    ActivityCounter activity =
        new ActivityCounter(repos, ports.cooldowns(), transactions, ports.clock());
    this.all =
        List.of(
            new GuildCreateHandler(
                decoder, repos, mirror, presence, transactions, directory, actions, ports.clock()),
            new GuildDeleteHandler(
                decoder, repos, mirror, presence, transactions, directory, ports.clock()),
            new MemberAddHandler(
                decoder,
                repos,
                mirror,
                transactions,
                directory,
                actions,
                onboarding,
                ports.clock()),
            new MemberUpdateHandler(
                decoder,
                repos,
                mirror,
                transactions,
                directory,
                actions,
                onboarding,
                ports.clock()),
            new MemberRemoveHandler(
                decoder, repos, mirror, ports.sessions(), transactions, directory, ports.clock()),
            new MembersChunkHandler(decoder, mirror, transactions, directory),
            new MessageCreateHandler(decoder, directory, activity),
            new ReactionAddHandler(decoder, directory, activity));
  }

  public List<GuildEventHandler> all() {
    return all;
  }
}
