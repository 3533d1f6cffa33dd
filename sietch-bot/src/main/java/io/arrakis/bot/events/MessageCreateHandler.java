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

/**
 * {@code MESSAGE_CREATE} (spec §11): +{@code activity_points_message} for an active member of an
 * active community, in a counted channel, at most once per {@code activity_message_cooldown_s}.
 * Bots, webhooks and DMs earn nothing.
 */
final class MessageCreateHandler extends DecodedEventHandler<GatewayEvent.MessageCreate> {
  private final CommunityDirectory directory;
  private final ActivityCounter counter;

  MessageCreateHandler(
      GatewayEventDecoder decoder, CommunityDirectory directory, ActivityCounter counter) {
    super("MESSAGE_CREATE", GatewayEvent.MessageCreate.class, decoder);
    this.directory = directory;
    this.counter = counter;
  }

  @Override
  void handle(String eventKey, GatewayEvent.MessageCreate event) {
    if (event.authorBot() || event.guildId().isEmpty()) {
      return;
    }
    Optional<CommunityConfig> community =
        directory.community(event.guildId().getAsLong()).filter(CommunityConfig::active);
    if (community.isEmpty()) {
      return;
    }
    CommunityConfig c = community.get();
    UserId author = new UserId(event.authorId());
    Optional<Profile> member = counter.activeMember(c, author);
    boolean counts =
        ActivityCounting.counts(
                false,
                Optional.of(new Snowflake(event.channelId())),
                member.isPresent(),
                c.channels().activityChannelIds())
            .isAllowed();
    if (counts
        && counter.windowOpen(
            c, ActivityCounter.MESSAGE_WINDOW, author, c.activity().messageCooldownSeconds())) {
      counter.record(c, member.get(), ActivityKind.MESSAGE);
    }
  }
}
