package io.arrakis.discord.gateway;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The gateway events the bot acts on (spec §17), as the fields it needs from Discord's {@code d}
 * object. Ids are Discord snowflakes; an absent optional id means Discord did not send it (a DM has
 * no guild).
 */
public sealed interface GatewayEvent {

  /** A guild member as listed by the gateway. */
  record Member(long userId, boolean bot, Set<Long> roleIds) {
    public Member {
      roleIds = Set.copyOf(roleIds);
    }
  }

  /**
   * {@code GUILD_CREATE}. {@code members} is the whole member list only when {@link
   * #hasAllMembers()}; a large guild lists a few (the bot) and the rest arrive as chunks.
   */
  record GuildCreate(
      long guildId,
      String name,
      boolean unavailable,
      boolean large,
      int memberCount,
      List<Member> members)
      implements GatewayEvent {
    public GuildCreate {
      Objects.requireNonNull(name, "name");
      members = List.copyOf(members);
    }

    public boolean hasAllMembers() {
      return !large && members.size() >= memberCount;
    }
  }

  /** {@code GUILD_DELETE}: the bot was removed, or (unavailable) Discord has an outage. */
  record GuildDelete(long guildId, boolean unavailable) implements GatewayEvent {}

  /** {@code GUILD_MEMBER_ADD}. */
  record MemberAdd(long guildId, Member member) implements GatewayEvent {}

  /** {@code GUILD_MEMBER_UPDATE}: the member's current roles. */
  record MemberUpdate(long guildId, Member member) implements GatewayEvent {}

  /** {@code GUILD_MEMBER_REMOVE}. */
  record MemberRemove(long guildId, long userId) implements GatewayEvent {}

  /** {@code GUILD_MEMBERS_CHUNK}: part {@code chunkIndex} of {@code chunkCount}. */
  record MembersChunk(long guildId, List<Member> members, int chunkIndex, int chunkCount)
      implements GatewayEvent {
    public MembersChunk {
      members = List.copyOf(members);
    }
  }

  /**
   * {@code MESSAGE_CREATE}. {@code authorBot} is also true for webhook and system messages: no
   * person earns anything for them.
   */
  record MessageCreate(
      long messageId, OptionalLong guildId, long channelId, long authorId, boolean authorBot)
      implements GatewayEvent {}

  /**
   * {@code MESSAGE_REACTION_ADD}. {@code messageAuthorId} is empty when Discord did not send it.
   */
  record ReactionAdd(
      long messageId,
      OptionalLong guildId,
      long channelId,
      long userId,
      boolean userBot,
      OptionalLong messageAuthorId)
      implements GatewayEvent {}

  /** {@code GUILD_ROLE_CREATE}: a role was made (by the setup wizard's action, or anyone). */
  record RoleCreate(long guildId, long roleId, String name) implements GatewayEvent {
    public RoleCreate {
      java.util.Objects.requireNonNull(name, "name");
    }
  }

  /**
   * {@code CHANNEL_CREATE}. {@code guildId} is empty for a DM channel; {@code type} is Discord's
   * channel type (0 = text).
   */
  record ChannelCreate(OptionalLong guildId, long channelId, String name, int type)
      implements GatewayEvent {
    public ChannelCreate {
      java.util.Objects.requireNonNull(name, "name");
    }
  }
}
