package io.arrakis.bot.events;

import io.arrakis.bot.CommunityDirectory;
import io.arrakis.bot.Transactions;
import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.discord.gateway.GatewayEventDecoder;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.GuildMemberMirror;
import java.util.Optional;

/**
 * {@code GUILD_MEMBERS_CHUNK}: part of a large guild's member list (requested at guild create),
 * merged into the mirror. Members who left while nobody listened are not dropped by chunks: the
 * mirror forgets them at their next remove event or the next complete list.
 */
final class MembersChunkHandler extends DecodedEventHandler<GatewayEvent.MembersChunk> {
  private final GuildMemberMirror mirror;
  private final Transactions transactions;
  private final CommunityDirectory directory;

  MembersChunkHandler(
      GatewayEventDecoder decoder,
      GuildMemberMirror mirror,
      Transactions transactions,
      CommunityDirectory directory) {
    super("GUILD_MEMBERS_CHUNK", GatewayEvent.MembersChunk.class, decoder);
    this.mirror = mirror;
    this.transactions = transactions;
    this.directory = directory;
  }

  @Override
  void handle(String eventKey, GatewayEvent.MembersChunk event) {
    Optional<CommunityConfig> community = directory.community(event.guildId());
    community.ifPresent(
        c ->
            transactions.inCommunity(
                c.id(),
                () -> {
                  mirror.upsertAll(c.id(), Members.mirrored(event.members()));
                  return null;
                }));
  }
}
