package io.arrakis.jda.actions;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
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
 * Message}, and nothing needs it. Role and channel creation and role edits use these raw requests
 * for cached guilds too: the created object reaches the workers through the gateway's own dispatch,
 * and JDA's cached builders would wait for it to enter a cache we keep minimal. The member list is
 * read raw so its JSON can be forwarded as Discord sent it.
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

  /** {@code POST /guilds/{g}/roles}. */
  static RestAction<Void> createRole(
      JDA jda,
      long guildId,
      String name,
      int color,
      boolean hoist,
      boolean mentionable,
      String reason) {
    DataObject body =
        DataObject.empty()
            .put("name", name)
            .put("color", color)
            .put("hoist", hoist)
            .put("mentionable", mentionable);
    return new AuditableRestActionImpl<Void>(
            jda, Route.Roles.CREATE_ROLE.compile(id(guildId)), body)
        .reason(reason);
  }

  /** {@code PATCH /guilds/{g}/roles/{r}}: name and colour. */
  static RestAction<Void> editRole(
      JDA jda, long guildId, long roleId, String name, int color, String reason) {
    DataObject body = DataObject.empty().put("name", name).put("color", color);
    return new AuditableRestActionImpl<Void>(
            jda, Route.Roles.MODIFY_ROLE.compile(id(guildId), id(roleId)), body)
        .reason(reason);
  }

  /**
   * {@code POST /guilds/{g}/channels}: a text channel (type 0), under {@code parentId} if not 0.
   */
  static RestAction<Void> createTextChannel(
      JDA jda, long guildId, String name, long parentId, String topic, String reason) {
    DataObject body = DataObject.empty().put("name", name).put("type", 0);
    if (parentId != 0) {
      body.put("parent_id", id(parentId));
    }
    if (!topic.isEmpty()) {
      body.put("topic", topic);
    }
    return new AuditableRestActionImpl<Void>(
            jda, Route.Guilds.CREATE_CHANNEL.compile(id(guildId)), body)
        .reason(reason);
  }

  /** {@code GET /guilds/{g}/members?limit=&after=}: one page of members, as Discord sent them. */
  static RestAction<DataArray> memberPage(JDA jda, long guildId, int limit, long after) {
    return new RestActionImpl<>(
        jda,
        MEMBER_LIST
            .compile(id(guildId))
            .withQueryParams("limit", Integer.toString(limit), "after", id(after)),
        (response, request) -> response.getArray());
  }

  /** JDA has no route of its own for the member list (it loads members over the gateway). */
  private static final Route MEMBER_LIST = Route.get("guilds/{guild_id}/members");

  private static String id(long snowflake) {
    return Long.toUnsignedString(snowflake);
  }
}
