package io.arrakis.bot.events;

import io.arrakis.bot.CommunityDirectory;
import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.discord.gateway.GatewayEventDecoder;
import io.arrakis.domain.activity.ActivityCounting;
import io.arrakis.domain.activity.ActivityKind;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.profile.Profile;
import java.util.Optional;
import java.util.Set;

/**
 * {@code MESSAGE_REACTION_ADD} (spec §11): the reactor, an active member, earns {@code
 * activity_points_reaction_given} at most once per {@code activity_reaction_cooldown_s}; the
 * message's author, an active member other than the reactor, earns {@code
 * activity_points_reaction_received} for every reaction by a person in a counted guild channel (no
 * limit), even while the reactor's own window is closed. Bots and DMs earn nothing.
 */
final class ReactionAddHandler extends DecodedEventHandler<GatewayEvent.ReactionAdd> {
  private final CommunityDirectory directory;
  private final ActivityCounter counter;

  ReactionAddHandler(
      GatewayEventDecoder decoder, CommunityDirectory directory, ActivityCounter counter) {
    super("MESSAGE_REACTION_ADD", GatewayEvent.ReactionAdd.class, decoder);
    this.directory = directory;
    this.counter = counter;
  }

  @Override
  void handle(String eventKey, GatewayEvent.ReactionAdd event) {
    if (event.userBot() || event.guildId().isEmpty()) {
      return;
    }
    Optional<CommunityConfig> community =
        directory.community(event.guildId().getAsLong()).filter(CommunityConfig::active);
    if (community.isEmpty()) {
      return;
    }
    CommunityConfig c = community.get();
    Optional<Snowflake> channel = Optional.of(new Snowflake(event.channelId()));
    Set<Snowflake> counted = c.channels().activityChannelIds();
    if (!ActivityCounting.counts(false, channel, true, counted).isAllowed()) {
      return;
    }
    UserId reactor = new UserId(event.userId());
    Optional<Profile> member = counter.activeMember(c, reactor);
    if (member.isPresent()
        && counter.windowOpen(
            c, ActivityCounter.REACTION_WINDOW, reactor, c.activity().reactionCooldownSeconds())) {
      counter.record(c, member.get(), ActivityKind.REACTION_GIVEN);
    }
    if (event.messageAuthorId().isPresent()) {
      UserId author = new UserId(event.messageAuthorId().getAsLong());
      Optional<Profile> authorMember = counter.activeMember(c, author);
      if (ActivityCounting.authorEarns(authorMember.isPresent(), author.equals(reactor))) {
        counter.record(c, authorMember.get(), ActivityKind.REACTION_RECEIVED);
      }
    }
  }
}
