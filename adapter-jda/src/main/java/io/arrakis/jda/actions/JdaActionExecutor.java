package io.arrakis.jda.actions;

import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.ActionOutcome;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActionExecutor;
import io.arrakis.jda.JdaGatewaySource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.UserSnowflake;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.HierarchyException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.Response;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestor's {@link DiscordActionExecutor}: performs privileged actions with the bot token
 * through the gateway source's JDA shard manager, so JDA's REST layer — per-route buckets, 429
 * handling — is shared with everything else the process sends.
 *
 * <p><b>Local checks first.</b> For a guild in this process's gateway cache, an action that cannot
 * succeed is refused with no request ({@link ActionOutcome.Refused} with status 0): an unknown role
 * or channel, a role at or above the bot's highest role, a managed role, the bot lacking
 * MANAGE_ROLES or a channel permission (JDA's own {@link HierarchyException} and {@link
 * PermissionException} checks are mapped the same way), a message JDA will not build.
 *
 * <p><b>A guild not in the cache</b> is executed without local checks, by plain REST on its shard
 * ({@link UncachedRequests}), and Discord's answer decides: the guild's shard may be held here but
 * resumed from another process's session (a resumed session never receives READY or GUILD_CREATE,
 * so JDA never learns its guilds), still loading, or — if the action was routed with another {@code
 * SHARD_COUNT} — held by another process (REST does not care which process holds the gateway; this
 * is logged). The bot having left the guild comes back as Discord's 404 Unknown Guild. Only a guild
 * JDA knows to be unavailable (a Discord outage) and shards still starting are {@link
 * ActionOutcome.Retry}.
 *
 * <p><b>Discord's answers.</b> Success is {@link ActionOutcome.Done}; unknown member, role,
 * channel, message, guild or user, missing permissions or access, DMs closed and a message Discord
 * refuses (400) are {@link ActionOutcome.Refused} with the error classes below and the real HTTP
 * status; 5xx, network errors, rate limits longer than the wait and time-outs are {@link
 * ActionOutcome.Retry}; anything else is a Retry and logged. JDA itself retries 502/503/504 up to
 * three times and waits out 429s within the time-out.
 *
 * <p><b>Time-out.</b> Each request carries a JDA deadline: a request still queued behind a rate
 * limit when it passes is dropped by JDA unsent. A request already sent is waited for a few seconds
 * more; if Discord still has not answered, the outcome is Retry, and the action may nevertheless
 * have happened (at-least-once: harmless for roles, a possible duplicate for a DM or a post).
 *
 * <p>Thread-safe: call {@link #execute} from any number of consumer threads (never from a JDA
 * callback thread).
 */
public final class JdaActionExecutor implements DiscordActionExecutor {
  private static final Logger log = LoggerFactory.getLogger(JdaActionExecutor.class);

  /** Discord's limit on an audit-log reason. */
  public static final int MAX_REASON = 512;

  /** The stable {@link ActionOutcome.Refused#errorClass()} values this executor reports. */
  public static final class ErrorClass {
    public static final String UNKNOWN_MEMBER = "UnknownMember";
    public static final String UNKNOWN_ROLE = "UnknownRole";
    public static final String UNKNOWN_CHANNEL = "UnknownChannel";
    public static final String UNKNOWN_MESSAGE = "UnknownMessage";
    public static final String UNKNOWN_GUILD = "UnknownGuild";
    public static final String UNKNOWN_USER = "UnknownUser";
    public static final String MISSING_PERMISSION = "MissingPermission";
    public static final String ROLE_ABOVE_BOT = "RoleAboveBot";
    public static final String MANAGED_ROLE = "ManagedRole";
    public static final String DM_CLOSED = "DmClosed";
    public static final String NOT_BOT_MESSAGE = "NotBotMessage";
    public static final String INVALID_MESSAGE = "InvalidMessage";
    public static final String LIMIT_REACHED = "LimitReached";
    public static final String UNSUPPORTED = "Unsupported";

    private ErrorClass() {}
  }

  /** After a 5xx, a network error or a time-out. */
  static final Duration TRANSIENT_DELAY = Duration.ofSeconds(5);

  /** While shards start, or the gateway is not running. */
  static final Duration STARTING_DELAY = Duration.ofSeconds(5);

  /** A guild unavailable at Discord, an unexpected answer. */
  static final Duration SLOW_DELAY = Duration.ofSeconds(30);

  /** Discord refused the bot token: nothing will work until an operator acts. */
  static final Duration UNAUTHORIZED_DELAY = Duration.ofMinutes(5);

  /** How long past its deadline a request already sent is waited for. */
  static final long IN_FLIGHT_GRACE_MS = 5_000;

  /** Discord's largest page of the member list. */
  static final int MEMBER_PAGE = 1000;

  private final Supplier<ShardManager> shards;
  private final Duration timeout;
  private final MemberListSink memberSink;

  /**
   * @param shards the gateway's shard manager (null until the gateway starts: actions are then
   *     retried)
   * @param requestTimeout how long one action may take, rate-limit waits included
   */
  public JdaActionExecutor(Supplier<ShardManager> shards, Duration requestTimeout) {
    this(shards, requestTimeout, MemberListSink.NONE);
  }

  /**
   * @param memberSink paces and receives the member lists read for {@code members.request}
   */
  public JdaActionExecutor(
      Supplier<ShardManager> shards, Duration requestTimeout, MemberListSink memberSink) {
    this.memberSink = Objects.requireNonNull(memberSink, "memberSink");
    this.shards = Objects.requireNonNull(shards, "shards");
    this.timeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("request timeout must be positive: " + requestTimeout);
    }
  }

  /** Shares the connections of the ingestor's gateway source. */
  public JdaActionExecutor(JdaGatewaySource source, Duration requestTimeout) {
    this(source::shardManager, requestTimeout);
  }

  @Override
  public ActionOutcome execute(DiscordAction action) {
    try {
      return perform(action);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return new ActionOutcome.Retry("interrupted", TRANSIENT_DELAY, 0);
    } catch (RuntimeException ex) {
      log.warn("action {} ({}): unexpected failure", action.actionId(), action.kind().key(), ex);
      return new ActionOutcome.Retry("unexpected failure: " + describe(ex), SLOW_DELAY, 0);
    }
  }

  private ActionOutcome perform(DiscordAction action) throws InterruptedException {
    if (action instanceof DiscordAction.AddRole a) {
      return memberRole(a.actionId(), true, a.guild(), a.userId(), a.roleId(), a.reason());
    }
    if (action instanceof DiscordAction.RemoveRole r) {
      return memberRole(r.actionId(), false, r.guild(), r.userId(), r.roleId(), r.reason());
    }
    if (action instanceof DiscordAction.SendDirectMessage dm) {
      return directMessage(dm);
    }
    if (action instanceof DiscordAction.PostToChannel p) {
      return message(p.actionId(), p.guild(), p.channelId(), 0, p.message(), MessageOp.POST);
    }
    if (action instanceof DiscordAction.EditMessage e) {
      return message(
          e.actionId(), e.guild(), e.channelId(), e.messageId(), e.message(), MessageOp.EDIT);
    }
    if (action instanceof DiscordAction.DeleteMessage d) {
      return message(d.actionId(), d.guild(), d.channelId(), d.messageId(), null, MessageOp.DELETE);
    }
    if (action instanceof DiscordAction.CreateRole c) {
      return createRole(c);
    }
    if (action instanceof DiscordAction.EditRole e) {
      return editRole(e);
    }
    if (action instanceof DiscordAction.CreateChannel c) {
      return createChannel(c);
    }
    return memberList((DiscordAction.RequestMembers) action);
  }

  @Override
  public int requestsFor(DiscordAction action) {
    // A member list paces each page itself (MemberListSink#beforePage).
    return action.kind() == DiscordAction.Kind.MEMBERS_REQUEST
        ? 0
        : DiscordActionExecutor.super.requestsFor(action);
  }

  // ---------------------------------------------------------------- where a guild lives

  /** The shard to send on, the guild if cached, or why not to try now. */
  private record Where(JDA jda, Guild guild, ActionOutcome stop) {
    static Where stop(ActionOutcome outcome) {
      return new Where(null, null, outcome);
    }
  }

  private Where where(String actionId, long guildId) {
    ShardManager manager = shards.get();
    if (manager == null) {
      return Where.stop(new ActionOutcome.Retry("gateway not started", STARTING_DELAY, 0));
    }
    int shard = QueuedDiscordActions.shardOf(guildId, manager.getShardsTotal());
    JDA jda = manager.getShardById(shard);
    if (jda != null) {
      Guild guild = jda.getGuildById(guildId);
      if (guild != null) {
        return new Where(jda, guild, null);
      }
      if (jda.isUnavailable(guildId)) {
        return Where.stop(
            new ActionOutcome.Retry(
                "guild " + id(guildId) + " is unavailable at Discord", SLOW_DELAY, 0));
      }
      log.debug("action {}: guild {} not in the cache of shard {}", actionId, id(guildId), shard);
      return new Where(jda, null, null);
    }
    if (manager.getShardsQueued() > 0) {
      return Where.stop(
          new ActionOutcome.Retry("shard " + shard + " is still starting", STARTING_DELAY, 0));
    }
    JDA any = anyShard(manager);
    if (any == null) {
      return Where.stop(new ActionOutcome.Retry("no shard running", STARTING_DELAY, 0));
    }
    log.warn(
        "action {}: guild {} is on shard {} of {}, not held by this process (shards {}); check"
            + " SHARD_COUNT of the workers and ingestors. Executing it by REST without local checks",
        actionId,
        id(guildId),
        shard,
        manager.getShardsTotal(),
        manager.getShardCache().stream().map(j -> j.getShardInfo().getShardId()).toList());
    return new Where(any, null, null);
  }

  /** The lowest shard held (DMs go to shard 0 on Discord's side; REST does not care). */
  private static JDA anyShard(ShardManager manager) {
    JDA best = null;
    for (JDA jda : manager.getShardCache()) {
      if (best == null || jda.getShardInfo().getShardId() < best.getShardInfo().getShardId()) {
        best = jda;
      }
    }
    return best;
  }

  // ---------------------------------------------------------------- roles

  private ActionOutcome memberRole(
      String actionId, boolean add, long guildId, long userId, long roleId, String reason)
      throws InterruptedException {
    Where where = where(actionId, guildId);
    if (where.stop() != null) {
      return where.stop();
    }
    String auditReason = auditReason(reason);
    long deadline = deadline();
    RestAction<Void> request;
    Guild guild = where.guild();
    if (guild == null) {
      request = UncachedRequests.memberRole(where.jda(), add, guildId, userId, roleId, auditReason);
    } else {
      Role role = guild.getRoleById(roleId);
      if (role == null) {
        return refused(
            ErrorClass.UNKNOWN_ROLE, "role " + id(roleId) + " is not in guild " + id(guildId));
      }
      if (role.isPublicRole()) {
        return refused(ErrorClass.UNKNOWN_ROLE, "@everyone cannot be given or taken");
      }
      Member self = guild.getSelfMember();
      if (!self.hasPermission(Permission.MANAGE_ROLES)) {
        return refused(
            ErrorClass.MISSING_PERMISSION, "the bot lacks MANAGE_ROLES in guild " + id(guildId));
      }
      if (!self.canInteract(role)) {
        return refused(
            ErrorClass.ROLE_ABOVE_BOT,
            "role "
                + role.getName()
                + " ("
                + id(roleId)
                + ") is at or above the bot's highest role in guild "
                + id(guildId));
      }
      if (role.isManaged()) {
        return refused(
            ErrorClass.MANAGED_ROLE,
            "role " + role.getName() + " (" + id(roleId) + ") is managed by an integration");
      }
      try {
        UserSnowflake user = UserSnowflake.fromId(userId);
        request =
            (add ? guild.addRoleToMember(user, role) : guild.removeRoleFromMember(user, role))
                .reason(auditReason);
      } catch (HierarchyException ex) {
        return refused(ErrorClass.ROLE_ABOVE_BOT, ex.getMessage());
      } catch (PermissionException ex) {
        return refused(ErrorClass.MISSING_PERMISSION, ex.getMessage());
      }
    }
    return run(actionId, request, deadline, 1, 204);
  }

  static String auditReason(String reason) {
    if (reason == null || reason.isBlank()) {
      return null;
    }
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
  }

  // ---------------------------------------------------------------- roles and channels

  private ActionOutcome createRole(DiscordAction.CreateRole c) throws InterruptedException {
    Where where = where(c.actionId(), c.guild());
    if (where.stop() != null) {
      return where.stop();
    }
    if (where.guild() != null
        && !where.guild().getSelfMember().hasPermission(Permission.MANAGE_ROLES)) {
      return refused(
          ErrorClass.MISSING_PERMISSION, "the bot lacks MANAGE_ROLES in guild " + id(c.guild()));
    }
    long deadline = deadline();
    return run(
        c.actionId(),
        UncachedRequests.createRole(
            where.jda(),
            c.guild(),
            c.name(),
            c.color(),
            c.hoist(),
            c.mentionable(),
            auditReason(c.reason())),
        deadline,
        1,
        200);
  }

  private ActionOutcome editRole(DiscordAction.EditRole e) throws InterruptedException {
    Where where = where(e.actionId(), e.guild());
    if (where.stop() != null) {
      return where.stop();
    }
    Guild guild = where.guild();
    if (guild != null) {
      Role role = guild.getRoleById(e.roleId());
      if (role == null) {
        return refused(
            ErrorClass.UNKNOWN_ROLE,
            "role " + id(e.roleId()) + " is not in guild " + id(e.guild()));
      }
      if (!guild.getSelfMember().hasPermission(Permission.MANAGE_ROLES)) {
        return refused(
            ErrorClass.MISSING_PERMISSION, "the bot lacks MANAGE_ROLES in guild " + id(e.guild()));
      }
      if (!guild.getSelfMember().canInteract(role)) {
        return refused(
            ErrorClass.ROLE_ABOVE_BOT,
            "role "
                + role.getName()
                + " ("
                + id(e.roleId())
                + ") is at or above the bot's highest");
      }
    }
    long deadline = deadline();
    return run(
        e.actionId(),
        UncachedRequests.editRole(
            where.jda(), e.guild(), e.roleId(), e.name(), e.color(), auditReason(e.reason())),
        deadline,
        1,
        200);
  }

  private ActionOutcome createChannel(DiscordAction.CreateChannel c) throws InterruptedException {
    Where where = where(c.actionId(), c.guild());
    if (where.stop() != null) {
      return where.stop();
    }
    Guild guild = where.guild();
    if (guild != null) {
      if (!guild.getSelfMember().hasPermission(Permission.MANAGE_CHANNEL)) {
        return refused(
            ErrorClass.MISSING_PERMISSION,
            "the bot lacks MANAGE_CHANNELS in guild " + id(c.guild()));
      }
      if (c.parentId() != 0 && guild.getCategoryById(c.parentId()) == null) {
        return refused(
            ErrorClass.UNKNOWN_CHANNEL,
            "no category " + id(c.parentId()) + " in guild " + id(c.guild()));
      }
    }
    long deadline = deadline();
    return run(
        c.actionId(),
        UncachedRequests.createTextChannel(
            where.jda(), c.guild(), c.name(), c.parentId(), c.topic(), auditReason(c.reason())),
        deadline,
        1,
        201);
  }

  // ---------------------------------------------------------------- the member list

  /**
   * Reads the whole member list page by page ({@value #MEMBER_PAGE} per page, each paced by the
   * sink and with its own deadline) and hands the pages to the sink. Held in memory until the last
   * page, so the chunk events can say how many there are (about 0.5 KB per member).
   */
  private ActionOutcome memberList(DiscordAction.RequestMembers request)
      throws InterruptedException {
    if (memberSink == MemberListSink.NONE) {
      return refused(ErrorClass.UNSUPPORTED, "this executor does not read member lists");
    }
    Where where = where(request.actionId(), request.guild());
    if (where.stop() != null) {
      return where.stop();
    }
    List<byte[]> pages = new ArrayList<>();
    long after = 0;
    while (true) {
      if (!memberSink.beforePage()) {
        return new ActionOutcome.Retry(
            "REST budget not granted for member page " + pages.size(), TRANSIENT_DELAY, 0);
      }
      DataArray page;
      try {
        page =
            await(
                UncachedRequests.memberPage(where.jda(), request.guild(), MEMBER_PAGE, after),
                deadline());
      } catch (ExecutionException ex) {
        return failed(request.actionId(), ex.getCause());
      } catch (TimeoutException ex) {
        return noAnswer();
      }
      if (page.length() > 0 || pages.isEmpty()) {
        pages.add(page.toJson());
      }
      if (page.length() < MEMBER_PAGE) {
        break;
      }
      after = page.getObject(page.length() - 1).getObject("user").getUnsignedLong("id");
    }
    try {
      memberSink.deliver(request, pages);
    } catch (InterruptedException ex) {
      throw ex;
    } catch (Exception ex) {
      return new ActionOutcome.Retry(
          "member list read but not delivered: " + describe(ex), TRANSIENT_DELAY, 0);
    }
    return new ActionOutcome.Done(pages.size(), 200);
  }

  // ---------------------------------------------------------------- DMs

  private ActionOutcome directMessage(DiscordAction.SendDirectMessage dm)
      throws InterruptedException {
    ShardManager manager = shards.get();
    JDA jda = manager == null ? null : anyShard(manager);
    if (jda == null) {
      return new ActionOutcome.Retry("gateway not started", STARTING_DELAY, 0);
    }
    MessageCreateData message;
    try {
      message = JdaMessages.create(dm.message());
    } catch (IllegalArgumentException | IllegalStateException ex) {
      return refused(ErrorClass.INVALID_MESSAGE, ex.getMessage());
    }
    if (dm.userId() == jda.getSelfUser().getIdLong()) {
      return refused(ErrorClass.UNKNOWN_USER, "the bot cannot send itself a DM");
    }
    long deadline = deadline();
    User cached = jda.getUserById(dm.userId());
    int requests = cached != null && cached.hasPrivateChannel() ? 1 : 2;
    PrivateChannel channel;
    try {
      channel = await(jda.openPrivateChannelById(dm.userId()), deadline);
    } catch (ExecutionException ex) {
      return failed(dm.actionId(), ex.getCause());
    } catch (TimeoutException ex) {
      return noAnswer();
    }
    RestAction<?> send;
    try {
      send = channel.sendMessage(message);
    } catch (UnsupportedOperationException ex) {
      // JDA refuses a DM to a bot it knows; Discord would answer 50007.
      return refused(ErrorClass.DM_CLOSED, ex.getMessage());
    }
    return run(dm.actionId(), send, deadline, requests, 200);
  }

  // ---------------------------------------------------------------- channel messages

  private enum MessageOp {
    POST,
    EDIT,
    DELETE
  }

  private ActionOutcome message(
      String actionId,
      long guildId,
      long channelId,
      long messageId,
      MessagePayload payload,
      MessageOp op)
      throws InterruptedException {
    Where where = where(actionId, guildId);
    if (where.stop() != null) {
      return where.stop();
    }
    MessageCreateData create = null;
    MessageEditData edit = null;
    try {
      if (op == MessageOp.POST) {
        create = JdaMessages.create(payload);
      } else if (op == MessageOp.EDIT) {
        edit = JdaMessages.edit(payload);
      }
    } catch (IllegalArgumentException | IllegalStateException ex) {
      return refused(ErrorClass.INVALID_MESSAGE, ex.getMessage());
    }
    long deadline = deadline();
    RestAction<?> request;
    Guild guild = where.guild();
    if (guild == null) {
      request =
          switch (op) {
            case POST -> UncachedRequests.post(where.jda(), channelId, create);
            case EDIT -> UncachedRequests.edit(where.jda(), channelId, messageId, edit);
            case DELETE -> UncachedRequests.delete(where.jda(), channelId, messageId);
          };
    } else {
      GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, channelId);
      if (channel == null) {
        return refused(
            ErrorClass.UNKNOWN_CHANNEL,
            "no message channel " + id(channelId) + " in guild " + id(guildId));
      }
      if (op != MessageOp.DELETE
          && !payload.embeds().isEmpty()
          && !guild.getSelfMember().hasPermission(channel, Permission.MESSAGE_EMBED_LINKS)) {
        return refused(
            ErrorClass.MISSING_PERMISSION,
            "the bot lacks MESSAGE_EMBED_LINKS in channel " + id(channelId));
      }
      String message = Long.toUnsignedString(messageId);
      try {
        request =
            switch (op) {
              case POST -> channel.sendMessage(create);
              case EDIT -> channel.editMessageById(message, edit);
              case DELETE -> channel.deleteMessageById(message);
            };
      } catch (PermissionException ex) {
        return refused(ErrorClass.MISSING_PERMISSION, ex.getMessage());
      }
    }
    return run(actionId, request, deadline, 1, op == MessageOp.DELETE ? 204 : 200);
  }

  // ---------------------------------------------------------------- running and mapping

  private long deadline() {
    return System.currentTimeMillis() + timeout.toMillis();
  }

  /** Sends the request and waits for Discord (see the class comment on time-outs). */
  private ActionOutcome run(
      String actionId, RestAction<?> request, long deadline, int requests, int okStatus)
      throws InterruptedException {
    try {
      await(request, deadline);
      return new ActionOutcome.Done(requests, okStatus);
    } catch (ExecutionException ex) {
      return failed(actionId, ex.getCause());
    } catch (TimeoutException ex) {
      return noAnswer();
    }
  }

  private static <T> T await(RestAction<T> request, long deadline)
      throws ExecutionException, TimeoutException, InterruptedException {
    CompletableFuture<T> future = request.deadline(deadline).submit();
    long wait = Math.max(0, deadline - System.currentTimeMillis()) + IN_FLIGHT_GRACE_MS;
    try {
      return future.get(wait, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException ex) {
      future.cancel(false);
      throw ex;
    } catch (CancellationException ex) {
      throw new ExecutionException(ex);
    }
  }

  private ActionOutcome noAnswer() {
    return new ActionOutcome.Retry(
        "no answer from Discord within " + timeout.toMillis() + " ms", TRANSIENT_DELAY, 0);
  }

  /** What a failed request means for the action. */
  ActionOutcome failed(String actionId, Throwable cause) {
    if (cause instanceof ErrorResponseException ex) {
      return fromDiscord(actionId, ex);
    }
    if (cause instanceof RateLimitedException ex) {
      return new ActionOutcome.Retry(
          "rate limited on " + ex.getRateLimitedRoute(),
          Duration.ofMillis(Math.max(1000, ex.getRetryAfter())),
          429);
    }
    if (cause instanceof TimeoutException) {
      // JDA's deadline passed while the request waited for its bucket: nothing was sent.
      return new ActionOutcome.Retry(
          "rate-limit wait longer than " + timeout.toMillis() + " ms", TRANSIENT_DELAY, 0);
    }
    if (cause instanceof HierarchyException ex) {
      return refused(ErrorClass.ROLE_ABOVE_BOT, ex.getMessage());
    }
    if (cause instanceof PermissionException ex) {
      return refused(ErrorClass.MISSING_PERMISSION, ex.getMessage());
    }
    if (cause instanceof CancellationException || cause instanceof RejectedExecutionException) {
      return new ActionOutcome.Retry("request not sent: " + describe(cause), TRANSIENT_DELAY, 0);
    }
    log.warn("action {}: unexpected failure", actionId, cause);
    return new ActionOutcome.Retry("unexpected failure: " + describe(cause), SLOW_DELAY, 0);
  }

  /** Discord's error answer (or JDA's network error, status -1) as an outcome. */
  static ActionOutcome fromDiscord(String actionId, ErrorResponseException ex) {
    Response response = ex.getResponse();
    int status = response == null ? 0 : response.code;
    String meaning = ex.getErrorCode() + " " + ex.getMeaning();
    if (status <= 0 || (response != null && response.getException() != null)) {
      return new ActionOutcome.Retry("network error: " + ex.getMeaning(), TRANSIENT_DELAY, 0);
    }
    if (status >= 500) {
      return new ActionOutcome.Retry(
          "Discord answered " + status + " (" + meaning + ")", TRANSIENT_DELAY, status);
    }
    String errorClass =
        switch (ex.getErrorResponse()) {
          case UNKNOWN_MEMBER -> ErrorClass.UNKNOWN_MEMBER;
          case UNKNOWN_ROLE -> ErrorClass.UNKNOWN_ROLE;
          case UNKNOWN_CHANNEL -> ErrorClass.UNKNOWN_CHANNEL;
          case UNKNOWN_MESSAGE -> ErrorClass.UNKNOWN_MESSAGE;
          case UNKNOWN_GUILD -> ErrorClass.UNKNOWN_GUILD;
          case UNKNOWN_USER, INVALID_RECIPIENT -> ErrorClass.UNKNOWN_USER;
          case MISSING_PERMISSIONS, MISSING_ACCESS, INVALID_DM_ACTION ->
              ErrorClass.MISSING_PERMISSION;
          case CANNOT_SEND_TO_USER -> ErrorClass.DM_CLOSED;
          case INVALID_AUTHOR_EDIT -> ErrorClass.NOT_BOT_MESSAGE;
          case EMPTY_MESSAGE, INVALID_FORM_BODY -> ErrorClass.INVALID_MESSAGE;
          case MAX_ROLES_PER_GUILD, MAX_CHANNELS -> ErrorClass.LIMIT_REACHED;
          default -> null;
        };
    if (errorClass != null) {
      return new ActionOutcome.Refused(errorClass, "Discord: " + meaning, status);
    }
    if (status == 401) {
      log.error("action {}: Discord refused the bot token (401)", actionId);
      return new ActionOutcome.Retry("Discord refused the bot token", UNAUTHORIZED_DELAY, 401);
    }
    if (status == 429) {
      return new ActionOutcome.Retry("rate limited", TRANSIENT_DELAY, 429);
    }
    log.warn("action {}: unexpected answer from Discord: {} {}", actionId, status, meaning);
    return new ActionOutcome.Retry(
        "unexpected answer " + status + " (" + meaning + ")", SLOW_DELAY, status);
  }

  private static ActionOutcome.Refused refused(String errorClass, String reason) {
    return new ActionOutcome.Refused(errorClass, reason == null ? errorClass : reason, 0);
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static String id(long snowflake) {
    return Long.toUnsignedString(snowflake);
  }
}
