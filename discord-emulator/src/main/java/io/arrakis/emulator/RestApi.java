package io.arrakis.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.emulator.Http.Call;
import io.arrakis.emulator.Http.Reply;
import io.arrakis.emulator.World.Channel;
import io.arrakis.emulator.World.Guild;
import io.arrakis.emulator.World.Member;
import io.arrakis.emulator.World.Role;
import io.arrakis.emulator.World.User;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Discord's REST API v10 as far as this system uses it, with Discord's authentication, rate-limit
 * and error behaviour. Every call is recorded in the counters; effects change the {@link World} and
 * are announced on the gateway.
 */
final class RestApi {
  /** Per-route policy: token needed, counts towards the global limit, bucket and major param. */
  record Meta(boolean auth, boolean global, String family, RateLimiter.Spec spec, String major) {}

  /** A reply and how long to hold it back (latency faults). */
  record Outcome(Reply reply, long delayMs) {}

  private final EmulatorConfig cfg;
  private final World world;
  private final Gateway gateway;
  private final Interactions interactions;
  private final RateLimiter limiter;
  private final Faults faults;
  private final Counters counters;
  private final Router router = new Router();
  private final Map<Router.Route, Meta> metas = new HashMap<>();
  private final ConcurrentHashMap<String, Long> penaltyUntil = new ConcurrentHashMap<>();

  RestApi(
      EmulatorConfig cfg,
      World world,
      Gateway gateway,
      Interactions interactions,
      RateLimiter limiter,
      Faults faults,
      Counters counters) {
    this.cfg = cfg;
    this.world = world;
    this.gateway = gateway;
    this.interactions = interactions;
    this.limiter = limiter;
    this.faults = faults;
    this.counters = counters;

    // Gateway discovery and the bot's own objects.
    bot("GET", "/gateway", "gateway", 5, 5000, null, this::getGateway, false);
    bot("GET", "/gateway/bot", "gateway_bot", 5, 5000, null, this::getGatewayBot, true);
    bot("GET", "/users/@me", "users_me", 5, 5000, null, c -> selfUser(), true);
    bot("GET", "/users/@me/guilds", "users_me_guilds", 5, 5000, null, this::myGuilds, true);
    bot("POST", "/users/@me/channels", "dm_create", 5, 5000, null, this::createDm, true);
    bot("GET", "/applications/@me", "app_me", 5, 5000, null, c -> application(), true);
    bot("GET", "/users/{user_id}", "users", 10, 10_000, null, this::getUser, true);
    // Guild reads.
    bot("GET", "/guilds/{guild_id}", "guild", 5, 5000, "guild_id", this::getGuild, true);
    bot(
        "GET",
        "/guilds/{guild_id}/channels",
        "guild_channels",
        5,
        5000,
        "guild_id",
        this::getChannels,
        true);
    bot(
        "GET",
        "/guilds/{guild_id}/roles",
        "guild_roles",
        5,
        5000,
        "guild_id",
        this::getRoles,
        true);
    bot(
        "GET",
        "/guilds/{guild_id}/members",
        "guild_members",
        10,
        10_000,
        "guild_id",
        this::listMembers,
        true);
    bot(
        "GET",
        "/guilds/{guild_id}/members/{user_id}",
        "guild_member",
        5,
        5000,
        "guild_id",
        this::getMember,
        true);
    // Member roles share one bucket per guild, as on Discord.
    bot(
        "PUT",
        "/guilds/{guild_id}/members/{user_id}/roles/{role_id}",
        "member_role",
        10,
        10_000,
        "guild_id",
        c -> memberRole(c, true),
        true);
    bot(
        "DELETE",
        "/guilds/{guild_id}/members/{user_id}/roles/{role_id}",
        "member_role",
        10,
        10_000,
        "guild_id",
        c -> memberRole(c, false),
        true);
    // Creating and editing roles and channels (community setup, migration).
    bot(
        "POST",
        "/guilds/{guild_id}/roles",
        "guild_role_create",
        10,
        10_000,
        "guild_id",
        this::createRole,
        true);
    bot(
        "PATCH",
        "/guilds/{guild_id}/roles/{role_id}",
        "guild_role_edit",
        10,
        10_000,
        "guild_id",
        this::editRole,
        true);
    bot(
        "POST",
        "/guilds/{guild_id}/channels",
        "guild_channel_create",
        10,
        10_000,
        "guild_id",
        this::createChannel,
        true);
    // Channels and messages.
    bot("GET", "/channels/{channel_id}", "channel", 5, 5000, "channel_id", this::getChannel, true);
    bot(
        "POST",
        "/channels/{channel_id}/messages",
        "channel_messages",
        5,
        5000,
        "channel_id",
        this::createMessage,
        true);
    // Edits and deletions of a channel's messages (the bot's own, or others' with MANAGE_MESSAGES).
    bot(
        "PATCH",
        "/channels/{channel_id}/messages/{message_id}",
        "channel_message_edit",
        5,
        5000,
        "channel_id",
        this::editMessage,
        true);
    bot(
        "DELETE",
        "/channels/{channel_id}/messages/{message_id}",
        "channel_message_delete",
        5,
        1000,
        "channel_id",
        this::deleteMessage,
        true);
    bot(
        "GET",
        "/channels/{channel_id}/messages",
        "channel_messages_get",
        5,
        5000,
        "channel_id",
        this::listMessages,
        true);
    // Application commands.
    bot(
        "GET",
        "/applications/{application_id}/commands",
        "commands_get",
        5,
        5000,
        null,
        c -> getCommands(c, 0),
        true);
    bot(
        "PUT",
        "/applications/{application_id}/commands",
        "commands_put",
        2,
        20_000,
        null,
        c -> putCommands(c, 0),
        true);
    bot(
        "POST",
        "/applications/{application_id}/commands",
        "commands_post",
        200,
        86_400_000L,
        null,
        c -> postCommand(c, 0),
        true);
    bot(
        "DELETE",
        "/applications/{application_id}/commands/{command_id}",
        "commands_delete",
        5,
        5000,
        null,
        c -> deleteCommand(c, 0),
        true);
    bot(
        "GET",
        "/applications/{application_id}/guilds/{guild_id}/commands",
        "guild_commands_get",
        5,
        5000,
        "guild_id",
        c -> getCommands(c, c.snowflake("guild_id")),
        true);
    bot(
        "PUT",
        "/applications/{application_id}/guilds/{guild_id}/commands",
        "guild_commands_put",
        2,
        20_000,
        "guild_id",
        c -> putCommands(c, c.snowflake("guild_id")),
        true);
    bot(
        "POST",
        "/applications/{application_id}/guilds/{guild_id}/commands",
        "guild_commands_post",
        200,
        86_400_000L,
        "guild_id",
        c -> postCommand(c, c.snowflake("guild_id")),
        true);
    bot(
        "DELETE",
        "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}",
        "guild_commands_delete",
        5,
        5000,
        "guild_id",
        c -> deleteCommand(c, c.snowflake("guild_id")),
        true);
    // Interactions: no bot token, outside the global limit.
    open(
        "POST",
        "/interactions/{interaction_id}/{interaction_token}/callback",
        "callback",
        50,
        1000,
        "interaction_id",
        interactions::callback);
    open(
        "POST",
        "/webhooks/{application_id}/{token}",
        "webhook_followup",
        5,
        2000,
        "token",
        interactions::followup);
    open(
        "GET",
        "/webhooks/{application_id}/{token}/messages/{message_id}",
        "webhook_message_get",
        5,
        2000,
        "token",
        interactions::getMessage);
    open(
        "PATCH",
        "/webhooks/{application_id}/{token}/messages/{message_id}",
        "webhook_message",
        5,
        2000,
        "token",
        interactions::editMessage);
    open(
        "DELETE",
        "/webhooks/{application_id}/{token}/messages/{message_id}",
        "webhook_message",
        5,
        2000,
        "token",
        interactions::deleteMessage);
  }

  private void bot(
      String method,
      String template,
      String family,
      int limit,
      long windowMs,
      String major,
      Function<Call, Reply> h,
      boolean auth) {
    Router.Route r = router.add(method, template, h);
    metas.put(r, new Meta(auth, true, family, RateLimiter.Spec.of(family, limit, windowMs), major));
  }

  private void open(
      String method,
      String template,
      String family,
      int limit,
      long windowMs,
      String major,
      Function<Call, Reply> h) {
    Router.Route r = router.add(method, template, h);
    metas.put(
        r, new Meta(false, false, family, RateLimiter.Spec.of(family, limit, windowMs), major));
  }

  // ---------------------------------------------------------------- pipeline

  Outcome handle(Call call) {
    counters.inc("rest.requests");
    boolean[] pathExists = new boolean[1];
    Router.Route route = router.match(call, pathExists);
    if (route == null) {
      return new Outcome(
          pathExists[0]
              ? Reply.error(405, 0, "405: Method Not Allowed")
              : Reply.error(404, 0, "404: Not Found"),
          0);
    }
    Meta meta = metas.get(route);
    String major = meta.major() == null ? "-" : call.param(meta.major());
    RateLimiter.Spec spec = limiter.effective(meta.family(), meta.spec());
    String bucketKey = meta.family() + "|" + major;
    String token = null;
    if (meta.auth()) {
      String auth = call.header("authorization");
      if (auth == null || !auth.equals("Bot " + cfg.token())) {
        counters.inc("rest.401");
        counters.invalidRequest();
        return new Outcome(
            withBucket(
                Reply.error(401, 0, "401: Unauthorized"),
                spec,
                limiter.peek(meta.family(), major, spec)),
            0);
      }
      token = cfg.token();
    }
    Faults.RestFault fault = faults.take(call.method, route.template(), call.path());
    long delay = fault == null ? 0 : fault.latencyMs();
    if (fault != null && fault.status() == 429) {
      long ms = Math.round(fault.retryAfterSeconds() * 1000);
      penaltyUntil.put(bucketKey, System.nanoTime() + ms * 1_000_000L);
      counters.inc("rest.429_injected");
      return new Outcome(
          tooMany(spec, ms, fault.global(), fault.global() ? "global" : "user"), delay);
    }
    if (fault != null && fault.status() >= 500) {
      counters.inc("rest.5xx_injected");
      return new Outcome(
          Reply.error(fault.status(), 0, fault.status() + ": Emulated server error"), delay);
    }
    Long until = penaltyUntil.get(bucketKey);
    if (until != null) {
      long left = until - System.nanoTime();
      if (left > 0) {
        counters.inc("rest.early_retries");
        return new Outcome(tooMany(spec, Math.max(1, left / 1_000_000), false, "user"), delay);
      }
      penaltyUntil.remove(bucketKey, until);
    }
    if (meta.global() && token != null) {
      RateLimiter.Decision g = limiter.acquireGlobal(token);
      if (!g.allowed()) {
        if (g.earlyRetry()) {
          counters.inc("rest.early_retries");
        }
        return new Outcome(tooMany(spec, g.resetAfterMillis(), true, "global"), delay);
      }
    }
    RateLimiter.Decision d = limiter.acquire(meta.family(), major, spec);
    if (!d.allowed()) {
      if (d.earlyRetry()) {
        counters.inc("rest.early_retries");
      }
      return new Outcome(tooMany(spec, d.resetAfterMillis(), false, "user"), delay);
    }
    Reply reply;
    try {
      reply = route.handler().apply(call);
    } catch (IllegalArgumentException e) {
      reply = Interactions.invalidForm("body", e.getMessage());
    } catch (java.io.UncheckedIOException e) {
      reply = Reply.error(400, 50109, "The request body contains invalid JSON.");
    }
    if (reply.status() == 401 || reply.status() == 403) {
      counters.invalidRequest();
    }
    counters.inc("rest." + reply.status());
    return new Outcome(withBucket(reply, spec, d), delay);
  }

  private Reply withBucket(Reply r, RateLimiter.Spec spec, RateLimiter.Decision d) {
    r.header("X-RateLimit-Limit", Integer.toString(spec.limit()));
    r.header("X-RateLimit-Remaining", Integer.toString(Math.max(0, d.remaining())));
    r.header("X-RateLimit-Reset", resetEpoch(d.resetAfterMillis()));
    r.header("X-RateLimit-Reset-After", seconds(d.resetAfterMillis()));
    r.header("X-RateLimit-Bucket", spec.hash());
    return r;
  }

  private Reply tooMany(RateLimiter.Spec spec, long retryAfterMs, boolean global, String scope) {
    counters.inc("rest.429");
    if (global) {
      counters.inc("rest.429_global");
    }
    counters.invalidRequest();
    ObjectNode body = Json.obj();
    body.put("message", "You are being rate limited.");
    body.put("retry_after", retryAfterMs / 1000.0);
    body.put("global", global);
    body.put("code", 0);
    Reply r = Reply.json(429, body);
    r.header("Retry-After", Long.toString((retryAfterMs + 999) / 1000));
    r.header("X-RateLimit-Scope", scope);
    if (global) {
      r.header("X-RateLimit-Global", "true");
    } else {
      r.header("X-RateLimit-Limit", Integer.toString(spec.limit()));
      r.header("X-RateLimit-Remaining", "0");
      r.header("X-RateLimit-Reset", resetEpoch(retryAfterMs));
      r.header("X-RateLimit-Reset-After", seconds(retryAfterMs));
      r.header("X-RateLimit-Bucket", spec.hash());
    }
    return r;
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
  }

  private static String resetEpoch(long afterMs) {
    return seconds(System.currentTimeMillis() + afterMs);
  }

  // ---------------------------------------------------------------- discovery and self

  private Reply getGateway(Call c) {
    return Reply.ok(Json.obj().put("url", gateway.url()));
  }

  private Reply getGatewayBot(Call c) {
    ObjectNode o = Json.obj();
    o.put("url", gateway.url());
    o.put("shards", cfg.recommendedShards());
    ObjectNode l = o.putObject("session_start_limit");
    l.put("total", cfg.sessionStartLimit());
    l.put("remaining", gateway.sessionStartsRemaining());
    l.put("reset_after", 86_400_000);
    l.put("max_concurrency", cfg.maxConcurrency());
    return Reply.ok(o);
  }

  private Reply selfUser() {
    synchronized (world) {
      return Reply.ok(Payloads.selfUser(world.bot));
    }
  }

  private Reply application() {
    synchronized (world) {
      ObjectNode o = Json.obj();
      o.put("id", Json.id(world.applicationId));
      o.put("name", world.bot.username);
      o.putNull("icon");
      o.put("description", "Discord emulator application");
      o.put("summary", "");
      o.put("type", (String) null);
      o.put("bot_public", true);
      o.put("bot_require_code_grant", false);
      o.put("verify_key", "0".repeat(64));
      o.put("flags", 0);
      o.set("owner", Payloads.user(world.bot));
      o.putNull("team");
      o.set("bot", Payloads.user(world.bot));
      o.put("approximate_guild_count", world.guilds.size());
      o.putArray("redirect_uris");
      o.putNull("interactions_endpoint_url");
      o.putArray("tags");
      o.put("hook", true);
      o.put("is_monetized", false);
      o.put("integration_types_config", (String) null);
      return Reply.ok(o);
    }
  }

  private Reply getUser(Call c) {
    synchronized (world) {
      User u = world.users.get(c.snowflake("user_id"));
      return u == null ? Reply.error(404, 10013, "Unknown User") : Reply.ok(Payloads.user(u));
    }
  }

  private Reply myGuilds(Call c) {
    synchronized (world) {
      ArrayNode a = Json.arr();
      for (Guild g : world.guilds.values()) {
        ObjectNode o = a.addObject();
        o.put("id", Json.id(g.id));
        o.put("name", g.name);
        o.putNull("icon");
        o.putNull("banner");
        o.put("owner", false);
        o.put("permissions", Long.toString(world.basePermissions(g, world.bot.id)));
        o.putArray("features");
      }
      return Reply.ok(a);
    }
  }

  // ---------------------------------------------------------------- guild reads

  /** Runs {@code body} on the route's guild under the world lock, or answers Unknown Guild. */
  private Reply inGuild(Call c, Function<Guild, Reply> body) {
    synchronized (world) {
      Guild g = world.guilds.get(c.snowflake("guild_id"));
      return g == null ? unknownGuild() : body.apply(g);
    }
  }

  private Reply getGuild(Call c) {
    return inGuild(
        c,
        g -> {
          ObjectNode o = Payloads.guild(world, g);
          if (c.queryFlag("with_counts")) {
            o.put("approximate_member_count", g.members.size());
            o.put("approximate_presence_count", 0);
          }
          return Reply.ok(o);
        });
  }

  private Reply getChannels(Call c) {
    return inGuild(
        c,
        g -> {
          ArrayNode a = Json.arr();
          g.channels.values().forEach(ch -> a.add(Payloads.channel(ch)));
          return Reply.ok(a);
        });
  }

  private Reply getRoles(Call c) {
    return inGuild(
        c,
        g -> {
          ArrayNode a = Json.arr();
          g.roles.values().forEach(r -> a.add(Payloads.role(r)));
          return Reply.ok(a);
        });
  }

  private Reply listMembers(Call c) {
    return inGuild(
        c,
        g -> {
          int limit = 1;
          try {
            limit =
                Math.max(1, Math.min(1000, Integer.parseInt(c.query.getOrDefault("limit", "1"))));
          } catch (NumberFormatException e) {
            return Interactions.invalidForm("limit", "Value is not int.");
          }
          long after = 0;
          if (c.query.containsKey("after")) {
            after = Long.parseUnsignedLong(c.query.get("after"));
          }
          ArrayNode a = Json.arr();
          List<Long> ids = g.members.keySet().stream().sorted(Long::compareUnsigned).toList();
          for (long id : ids) {
            if (Long.compareUnsigned(id, after) > 0 && a.size() < limit) {
              a.add(Payloads.member(world, g.members.get(id), true));
            }
          }
          return Reply.ok(a);
        });
  }

  private Reply getMember(Call c) {
    return inGuild(
        c,
        g -> {
          Member m = g.members.get(c.snowflake("user_id"));
          if (m == null) {
            return Reply.error(404, 10007, "Unknown Member");
          }
          return Reply.ok(Payloads.member(world, m, true));
        });
  }

  private static Reply unknownGuild() {
    return Reply.error(404, 10004, "Unknown Guild");
  }

  // ---------------------------------------------------------------- member roles

  private Reply memberRole(Call c, boolean add) {
    byte[] event;
    long guildId;
    synchronized (world) {
      Guild g = world.guilds.get(c.snowflake("guild_id"));
      if (g == null) {
        return unknownGuild();
      }
      Member m = g.members.get(c.snowflake("user_id"));
      if (m == null) {
        return Reply.error(404, 10007, "Unknown Member");
      }
      Role r = g.roles.get(c.snowflake("role_id"));
      if (r == null || r.id == g.id) {
        return Reply.error(404, 10011, "Unknown Role");
      }
      long perms = world.basePermissions(g, world.bot.id);
      if ((perms & Permissions.MANAGE_ROLES) == 0
          || (perms != Permissions.ALL && r.position >= world.highestRolePosition(g, world.bot.id))
          || r.managed) {
        counters.inc("rest.role_hierarchy_denied");
        return Reply.error(403, 50013, "Missing Permissions");
      }
      boolean changed = add ? m.roles.add(r.id) : m.roles.remove(r.id);
      counters.inc(add ? "world.role_added" : "world.role_removed");
      if (!changed) {
        return Reply.noContent();
      }
      guildId = g.id;
      event = Json.bytes(Payloads.memberEvent(world, g, m));
      gateway.dispatch(guildId, "GUILD_MEMBER_UPDATE", Gateway.INTENT_GUILD_MEMBERS, event);
    }
    return Reply.noContent();
  }

  // ---------------------------------------------------------------- roles and channels

  /** {@code {name, color?, hoist?, mentionable?, permissions?}} → 200 role, GUILD_ROLE_CREATE. */
  private Reply createRole(Call c) {
    JsonNode body = c.json();
    synchronized (world) {
      Guild g = world.guilds.get(c.snowflake("guild_id"));
      if (g == null) {
        return unknownGuild();
      }
      if ((world.basePermissions(g, world.bot.id) & Permissions.MANAGE_ROLES) == 0) {
        return Reply.error(403, 50013, "Missing Permissions");
      }
      long perms =
          body.hasNonNull("permissions") ? Long.parseLong(body.get("permissions").asText()) : 0;
      Role r = world.addRole(g, body.path("name").asText("new role"), perms, 1);
      r.color = body.path("color").asInt(0);
      r.hoist = body.path("hoist").asBoolean(false);
      r.mentionable = body.path("mentionable").asBoolean(false);
      counters.inc("world.role_created");
      ObjectNode ev = Json.obj();
      ev.put("guild_id", Json.id(g.id));
      ev.set("role", Payloads.role(r));
      gateway.dispatch(g.id, "GUILD_ROLE_CREATE", Gateway.INTENT_GUILDS, ev);
      return Reply.ok(Payloads.role(r));
    }
  }

  /** {@code {name?, color?, hoist?, mentionable?}} → 200 role, GUILD_ROLE_UPDATE. */
  private Reply editRole(Call c) {
    JsonNode body = c.json();
    synchronized (world) {
      Guild g = world.guilds.get(c.snowflake("guild_id"));
      if (g == null) {
        return unknownGuild();
      }
      Role r = g.roles.get(c.snowflake("role_id"));
      if (r == null) {
        return Reply.error(404, 10011, "Unknown Role");
      }
      long perms = world.basePermissions(g, world.bot.id);
      if ((perms & Permissions.MANAGE_ROLES) == 0
          || (perms != Permissions.ALL
              && r.position >= world.highestRolePosition(g, world.bot.id))) {
        return Reply.error(403, 50013, "Missing Permissions");
      }
      if (body.hasNonNull("name")) {
        r.name = body.get("name").asText();
      }
      if (body.hasNonNull("color")) {
        r.color = body.get("color").asInt();
      }
      if (body.hasNonNull("hoist")) {
        r.hoist = body.get("hoist").asBoolean();
      }
      if (body.hasNonNull("mentionable")) {
        r.mentionable = body.get("mentionable").asBoolean();
      }
      counters.inc("world.role_edited");
      ObjectNode ev = Json.obj();
      ev.put("guild_id", Json.id(g.id));
      ev.set("role", Payloads.role(r));
      gateway.dispatch(g.id, "GUILD_ROLE_UPDATE", Gateway.INTENT_GUILDS, ev);
      return Reply.ok(Payloads.role(r));
    }
  }

  /**
   * {@code {name, type? (0 text, 4 category), parent_id?, topic?}} → 201 channel, CHANNEL_CREATE.
   */
  private Reply createChannel(Call c) {
    JsonNode body = c.json();
    synchronized (world) {
      Guild g = world.guilds.get(c.snowflake("guild_id"));
      if (g == null) {
        return unknownGuild();
      }
      if ((world.basePermissions(g, world.bot.id) & Permissions.MANAGE_CHANNELS) == 0) {
        return Reply.error(403, 50013, "Missing Permissions");
      }
      String name = body.path("name").asText("");
      if (name.isEmpty() || name.length() > 100) {
        return Interactions.invalidForm("name", "Must be between 1 and 100 in length.");
      }
      long parent = Json.snowflake(body, "parent_id");
      if (parent != 0) {
        Channel p = g.channels.get(parent);
        if (p == null || p.type != World.GUILD_CATEGORY) {
          return Interactions.invalidForm("parent_id", "Not a category of this guild.");
        }
      }
      Channel ch = world.addChannel(g, body.path("type").asInt(World.GUILD_TEXT), name, parent);
      if (body.hasNonNull("topic")) {
        ch.topic = body.get("topic").asText();
      }
      counters.inc("world.channel_created");
      ObjectNode cj = Payloads.channel(ch);
      gateway.dispatch(g.id, "CHANNEL_CREATE", Gateway.INTENT_GUILDS, cj);
      return Reply.json(201, cj);
    }
  }

  // ---------------------------------------------------------------- DMs and messages

  private Reply createDm(Call c) {
    JsonNode body = c.json();
    long rid = Json.snowflake(body, "recipient_id");
    synchronized (world) {
      User u = world.users.get(rid);
      if (u == null) {
        return Reply.error(400, 50033, "Invalid Recipients");
      }
      Channel ch = world.dmChannel(rid);
      ObjectNode o = Payloads.channel(ch);
      o.putArray("recipients").add(Payloads.user(u));
      return Reply.ok(o);
    }
  }

  private Reply getChannel(Call c) {
    synchronized (world) {
      Channel ch = world.channels.get(c.snowflake("channel_id"));
      if (ch == null) {
        return Reply.error(404, 10003, "Unknown Channel");
      }
      ObjectNode o = Payloads.channel(ch);
      if (ch.type == World.DM) {
        o.putArray("recipients").add(Payloads.user(world.users.get(ch.recipientId)));
      }
      return Reply.ok(o);
    }
  }

  private Reply listMessages(Call c) {
    synchronized (world) {
      Channel ch = world.channels.get(c.snowflake("channel_id"));
      if (ch == null) {
        return Reply.error(404, 10003, "Unknown Channel");
      }
      ArrayNode a = Json.arr();
      List<Long> ids = ch.messageIds;
      for (int i = ids.size() - 1; i >= 0 && a.size() < 50; i--) {
        World.Message m = world.messages.get(ids.get(i));
        if (m != null && !m.deleted) {
          a.add(m.json.deepCopy().without("member"));
        }
      }
      return Reply.ok(a);
    }
  }

  /**
   * Discord returns (and dispatches) every embed a bot sends as a {@code "rich"} one; clients such
   * as JDA refuse an embed without its {@code type}.
   */
  private static JsonNode withEmbedTypes(JsonNode body) {
    if (!body.isObject() || !body.path("embeds").isArray()) {
      return body;
    }
    ObjectNode copy = body.deepCopy();
    for (JsonNode embed : copy.get("embeds")) {
      if (embed.isObject() && !embed.hasNonNull("type")) {
        ((ObjectNode) embed).put("type", "rich");
      }
    }
    return copy;
  }

  private Reply createMessage(Call c) {
    JsonNode body = withEmbedTypes(c.json());
    String content = body.path("content").asText("");
    boolean hasEmbeds = body.path("embeds").isArray() && body.path("embeds").size() > 0;
    boolean hasComponents = body.path("components").isArray() && body.path("components").size() > 0;
    synchronized (world) {
      Channel ch = world.channels.get(c.snowflake("channel_id"));
      if (ch == null) {
        return Reply.error(404, 10003, "Unknown Channel");
      }
      if (ch.type == World.DM) {
        User u = world.users.get(ch.recipientId);
        if (u == null || !u.dmsOpen || u.bot) {
          counters.inc("rest.dm_refused");
          return Reply.error(403, 50007, "Cannot send messages to this user");
        }
      } else {
        Guild g = world.guilds.get(ch.guildId);
        long perms = world.channelPermissions(g, ch, world.bot.id);
        if ((perms & Permissions.VIEW_CHANNEL) == 0) {
          return Reply.error(403, 50001, "Missing Access");
        }
        if ((perms & Permissions.SEND_MESSAGES) == 0) {
          return Reply.error(403, 50013, "Missing Permissions");
        }
      }
      if (content.isEmpty() && !hasEmbeds && !hasComponents) {
        return Reply.error(400, 50006, "Cannot send an empty message");
      }
      long id = world.ids.next();
      ObjectNode m = Payloads.message(world, id, ch, world.bot, content, body, 0);
      world.addMessage(ch, world.bot.id, m);
      counters.inc(ch.type == World.DM ? "world.dm_sent" : "world.channel_message_sent");
      gateway.dispatch(
          ch.guildId,
          "MESSAGE_CREATE",
          ch.type == World.DM ? Gateway.INTENT_DIRECT_MESSAGES : Gateway.INTENT_GUILD_MESSAGES,
          m);
      return Reply.ok(m.deepCopy().without("member"));
    }
  }

  /** MANAGE_MESSAGES: delete other users' messages. */
  private static final long MANAGE_MESSAGES = 1L << 13;

  /** SUPPRESS_EMBEDS, the one message flag an edit may change. */
  private static final int SUPPRESS_EMBEDS = 1 << 2;

  /**
   * The bot's access to an existing message of a channel, under the world lock: 404 10003 / 10008,
   * 403 50001 without VIEW_CHANNEL; else null and {@code out[0]} is the message.
   */
  private Reply findMessage(Call c, World.Message[] out) {
    Channel ch = world.channels.get(c.snowflake("channel_id"));
    if (ch == null) {
      return Reply.error(404, 10003, "Unknown Channel");
    }
    if (ch.type != World.DM) {
      Guild g = world.guilds.get(ch.guildId);
      if ((world.channelPermissions(g, ch, world.bot.id) & Permissions.VIEW_CHANNEL) == 0) {
        return Reply.error(403, 50001, "Missing Access");
      }
    }
    World.Message m = world.messages.get(c.snowflake("message_id"));
    if (m == null || m.deleted || m.channelId != ch.id) {
      return Reply.error(404, 10008, "Unknown Message");
    }
    out[0] = m;
    return null;
  }

  /**
   * PATCH a message: only the bot's own (else 403 50005); content, embeds and components given
   * replace the old ones; of the flags only SUPPRESS_EMBEDS changes; MESSAGE_UPDATE follows.
   */
  private Reply editMessage(Call c) {
    JsonNode body = withEmbedTypes(c.json());
    synchronized (world) {
      World.Message[] found = new World.Message[1];
      Reply err = findMessage(c, found);
      if (err != null) {
        return err;
      }
      World.Message m = found[0];
      if (m.authorId != world.bot.id) {
        return Reply.error(403, 50005, "Cannot edit a message authored by another user");
      }
      ObjectNode edited = m.json.deepCopy();
      for (String f : new String[] {"content", "embeds", "components"}) {
        if (body.has(f) && !body.get(f).isNull()) {
          edited.set(f, body.get(f));
        }
      }
      if (body.has("flags") && !body.get("flags").isNull()) {
        int flags = edited.path("flags").asInt(0) & ~SUPPRESS_EMBEDS;
        edited.put("flags", flags | (body.get("flags").asInt(0) & SUPPRESS_EMBEDS));
      }
      if (edited.path("content").asText("").isEmpty()
          && edited.path("embeds").size() == 0
          && edited.path("components").size() == 0) {
        return Reply.error(400, 50006, "Cannot send an empty message");
      }
      edited.put("edited_timestamp", Json.iso(world.clock.millis()));
      m.json = edited;
      counters.inc("world.channel_message_edited");
      gateway.dispatch(
          m.guildId,
          "MESSAGE_UPDATE",
          m.guildId == 0 ? Gateway.INTENT_DIRECT_MESSAGES : Gateway.INTENT_GUILD_MESSAGES,
          edited.deepCopy());
      return Reply.ok(edited.deepCopy().without("member"));
    }
  }

  /**
   * DELETE a message: the bot's own, or another user's with MANAGE_MESSAGES (403 50013; in a DM 403
   * 50003); MESSAGE_DELETE follows.
   */
  private Reply deleteMessage(Call c) {
    synchronized (world) {
      World.Message[] found = new World.Message[1];
      Reply err = findMessage(c, found);
      if (err != null) {
        return err;
      }
      World.Message m = found[0];
      if (m.authorId != world.bot.id) {
        Channel ch = world.channels.get(m.channelId);
        if (ch.type == World.DM) {
          return Reply.error(403, 50003, "Cannot execute action on a DM channel");
        }
        Guild g = world.guilds.get(ch.guildId);
        if ((world.channelPermissions(g, ch, world.bot.id) & MANAGE_MESSAGES) == 0) {
          return Reply.error(403, 50013, "Missing Permissions");
        }
      }
      m.deleted = true;
      counters.inc("world.channel_message_deleted");
      ObjectNode ev = Json.obj();
      ev.put("id", Json.id(m.id));
      ev.put("channel_id", Json.id(m.channelId));
      if (m.guildId != 0) {
        ev.put("guild_id", Json.id(m.guildId));
      }
      gateway.dispatch(
          m.guildId,
          "MESSAGE_DELETE",
          m.guildId == 0 ? Gateway.INTENT_DIRECT_MESSAGES : Gateway.INTENT_GUILD_MESSAGES,
          ev);
      return Reply.noContent();
    }
  }

  // ---------------------------------------------------------------- application commands

  private Reply checkApp(Call c) {
    if (c.snowflake("application_id") != world.applicationId) {
      return Reply.error(403, 50001, "Missing Access");
    }
    return null;
  }

  private List<ObjectNode> commandList(long guildId) {
    return guildId == 0
        ? world.globalCommands
        : world.guildCommands.computeIfAbsent(guildId, k -> new java.util.ArrayList<>());
  }

  private Reply getCommands(Call c, long guildId) {
    Reply err = checkApp(c);
    if (err != null) {
      return err;
    }
    synchronized (world) {
      if (guildId != 0 && !world.guilds.containsKey(guildId)) {
        return unknownGuild();
      }
      ArrayNode a = Json.arr();
      commandList(guildId).forEach(a::add);
      return Reply.ok(a);
    }
  }

  private ObjectNode normalizeCommand(JsonNode def, long guildId, ObjectNode existing) {
    String name = def.path("name").asText("");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name: This field is required");
    }
    int type = def.path("type").asInt(1);
    if (type == 1 && def.path("description").asText("").isEmpty()) {
      throw new IllegalArgumentException("description: This field is required");
    }
    ObjectNode o = Json.obj();
    o.put("id", existing != null ? existing.get("id").asText() : Json.id(world.ids.next()));
    o.put("application_id", Json.id(world.applicationId));
    o.put("version", Json.id(world.ids.next()));
    JsonNode dmp = def.get("default_member_permissions");
    if (dmp == null || dmp.isNull()) {
      o.putNull("default_member_permissions");
    } else {
      o.put("default_member_permissions", dmp.asText());
    }
    o.put("type", type);
    o.put("name", name);
    o.set(
        "name_localizations", def.has("name_localizations") ? def.get("name_localizations") : null);
    o.put("description", def.path("description").asText(""));
    o.set(
        "description_localizations",
        def.has("description_localizations") ? def.get("description_localizations") : null);
    if (guildId != 0) {
      o.put("guild_id", Json.id(guildId));
    }
    if (def.has("options")) {
      o.set("options", def.get("options"));
    }
    o.put("dm_permission", def.path("dm_permission").asBoolean(true));
    o.put("nsfw", def.path("nsfw").asBoolean(false));
    o.set(
        "integration_types",
        def.has("integration_types") ? def.get("integration_types") : Json.arr().add(0));
    o.set("contexts", def.has("contexts") ? def.get("contexts") : Json.arr().add(0).add(1).add(2));
    return o;
  }

  private static ObjectNode find(List<ObjectNode> list, String name, int type) {
    for (ObjectNode o : list) {
      if (o.path("name").asText().equals(name) && o.path("type").asInt(1) == type) {
        return o;
      }
    }
    return null;
  }

  private Reply putCommands(Call c, long guildId) {
    Reply err = checkApp(c);
    if (err != null) {
      return err;
    }
    JsonNode body = c.json();
    if (!body.isArray()) {
      return Interactions.invalidForm("_", "Expected an array of commands");
    }
    synchronized (world) {
      if (guildId != 0 && !world.guilds.containsKey(guildId)) {
        return unknownGuild();
      }
      List<ObjectNode> current = commandList(guildId);
      List<ObjectNode> next = new java.util.ArrayList<>();
      for (JsonNode def : body) {
        ObjectNode existing = find(current, def.path("name").asText(""), def.path("type").asInt(1));
        next.add(normalizeCommand(def, guildId, existing));
      }
      current.clear();
      current.addAll(next);
      counters.inc("world.commands_put");
      ArrayNode a = Json.arr();
      next.forEach(a::add);
      return Reply.ok(a);
    }
  }

  private Reply postCommand(Call c, long guildId) {
    Reply err = checkApp(c);
    if (err != null) {
      return err;
    }
    JsonNode def = c.json();
    synchronized (world) {
      if (guildId != 0 && !world.guilds.containsKey(guildId)) {
        return unknownGuild();
      }
      List<ObjectNode> current = commandList(guildId);
      ObjectNode existing = find(current, def.path("name").asText(""), def.path("type").asInt(1));
      ObjectNode cmd = normalizeCommand(def, guildId, existing);
      if (existing != null) {
        current.set(current.indexOf(existing), cmd);
        return Reply.ok(cmd);
      }
      current.add(cmd);
      return Reply.json(201, cmd);
    }
  }

  private Reply deleteCommand(Call c, long guildId) {
    Reply err = checkApp(c);
    if (err != null) {
      return err;
    }
    synchronized (world) {
      List<ObjectNode> current = commandList(guildId);
      boolean removed = current.removeIf(o -> o.path("id").asText().equals(c.param("command_id")));
      return removed ? Reply.noContent() : Reply.error(404, 10063, "Unknown application command");
    }
  }
}
