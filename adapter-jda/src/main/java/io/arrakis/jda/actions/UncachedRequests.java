package io.arrakis.jda.actions;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import net.dv8tion.jda.internal.requests.restaction.AuditableRestActionImpl;

/**
 * Guild requests for a guild this process has no cache of, still through JDA's requester (its
 * per-route buckets and 429 handling). JDA's public API offers role changes and channel messages
 * only on cached {@code Guild} and channel objects, and a shard that resumed another process's
 * session never receives its guilds (no READY, no GUILD_CREATE), so these are built from JDA's
 * public {@link Route}s with its internal {@code RestActionImpl} — the one class of this package
 * that reaches into JDA ({@code JdaActionExecutorResumeIT} fails loudly if an upgrade breaks it).
 *
 * <p>No response is parsed: a channel message without its cached channel cannot become a JDA {@code
 * Message}, and nothing needs it.
 */
final class UncachedRequests {
  private UncachedRequests() {}

  /** {@code PUT} / {@code DELETE /guilds/{g}/members/{u}/roles/{r}}, with the audit-log reason. */
  static RestAction<Void> memberRole(
      JDA jda, boolean add, long guildId, long userId, long roleId, String reason) {
    Route route = add ? Route.Guilds.ADD_MEMBER_ROLE : Route.Guilds.REMOVE_MEMBER_ROLE;
    return new AuditableRestActionImpl<Void>(
            jda, route.compile(id(guildId), id(userId), id(roleId)))
        .reason(reason);
  }

  /** {@code POST /channels/{c}/messages}. */
  static RestAction<Void> post(JDA jda, long channelId, MessageCreateData message) {
    return new RestActionImpl<>(
        jda, Route.Messages.SEND_MESSAGE.compile(id(channelId)), message.toData());
  }

  /** {@code PATCH /channels/{c}/messages/{m}}. */
  static RestAction<Void> edit(JDA jda, long channelId, long messageId, MessageEditData message) {
    return new RestActionImpl<>(
        jda, Route.Messages.EDIT_MESSAGE.compile(id(channelId), id(messageId)), message.toData());
  }

  /** {@code DELETE /channels/{c}/messages/{m}}. */
  static RestAction<Void> delete(JDA jda, long channelId, long messageId) {
    return new RestActionImpl<>(
        jda, Route.Messages.DELETE_MESSAGE.compile(id(channelId), id(messageId)));
  }

  private static String id(long snowflake) {
    return Long.toUnsignedString(snowflake);
  }
}
