package io.arrakis.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.emulator.World.Channel;
import io.arrakis.emulator.World.Guild;
import io.arrakis.emulator.World.Member;
import io.arrakis.emulator.World.Message;
import io.arrakis.emulator.World.Role;
import io.arrakis.emulator.World.User;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulator's control surface, in Java (the HTTP control API under {@code /_emulator/} maps onto
 * these methods one to one). Requests and results are JSON trees shaped like the HTTP bodies, so a
 * test can use either with the same knowledge; convenience overloads cover the common cases.
 */
public final class EmulatorControl {
  private final EmulatorConfig cfg;
  private final World world;
  private final Gateway gateway;
  private final Interactions interactions;
  private final Faults faults;
  private final RateLimiter limiter;
  private final Counters counters;
  private final EmulatorClock clock;
  private final LoadGenerator load;
  private final AtomicInteger runIds = new AtomicInteger();
  private final Map<Integer, LoadGenerator.Run> runs = new ConcurrentHashMap<>();

  EmulatorControl(
      EmulatorConfig cfg,
      World world,
      Gateway gateway,
      Interactions interactions,
      Faults faults,
      RateLimiter limiter,
      Counters counters,
      EmulatorClock clock) {
    this.cfg = cfg;
    this.world = world;
    this.gateway = gateway;
    this.interactions = interactions;
    this.faults = faults;
    this.limiter = limiter;
    this.counters = counters;
    this.clock = clock;
    this.load = new LoadGenerator(world, gateway, this, counters);
  }

  // =============================================================== world: queries

  public long applicationId() {
    return world.applicationId;
  }

  public long botUserId() {
    return world.bot.id;
  }

  public List<Long> guildIds() {
    synchronized (world) {
      return new ArrayList<>(world.guilds.keySet());
    }
  }

  /** Guild ids that live on {@code shardId} of {@code shardCount}. */
  public List<Long> guildIdsOnShard(int shardId, int shardCount) {
    return world.guildsOnShard(shardId, shardCount).stream().map(g -> g.id).toList();
  }

  /** The id of a guild channel by name. */
  public long channelId(long guildId, String name) {
    synchronized (world) {
      return guild(guildId).channels.values().stream()
          .filter(c -> name.equals(c.name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no channel " + name))
          .id;
    }
  }

  /** The id of a role by name. */
  public long roleId(long guildId, String name) {
    synchronized (world) {
      return guild(guildId).roles.values().stream()
          .filter(r -> name.equals(r.name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no role " + name))
          .id;
    }
  }

  /** Ordinary members (not the bot, not the owner) of a guild. */
  public List<Long> memberIds(long guildId) {
    synchronized (world) {
      Guild g = guild(guildId);
      return g.members.keySet().stream().filter(u -> u != world.bot.id && u != g.ownerId).toList();
    }
  }

  /** Role ids a member currently has. */
  public List<Long> memberRoles(long guildId, long userId) {
    synchronized (world) {
      Member m = guild(guildId).members.get(userId);
      if (m == null) {
        throw new IllegalArgumentException("not a member");
      }
      return new ArrayList<>(m.roles);
    }
  }

  public boolean isMember(long guildId, long userId) {
    synchronized (world) {
      return guild(guildId).members.containsKey(userId);
    }
  }

  private Guild guild(long id) {
    Guild g = world.guilds.get(id);
    if (g == null) {
      throw new IllegalArgumentException("unknown guild " + Long.toUnsignedString(id));
    }
    return g;
  }

  private User user(long id) {
    User u = world.users.get(id);
    if (u == null) {
      throw new IllegalArgumentException("unknown user " + Long.toUnsignedString(id));
    }
    return u;
  }

  private Channel channel(long id) {
    Channel c = world.channels.get(id);
    if (c == null) {
      throw new IllegalArgumentException("unknown channel " + Long.toUnsignedString(id));
    }
    return c;
  }

  /** The first 100 guilds of the world, compact (see {@link #describeWorld(int, int)}). */
  public ObjectNode describeWorld() {
    return describeWorld(0, 100);
  }

  /**
   * A page of the world, compact enough for 10,000-guild worlds: per guild its id, name, owner,
   * roles and channels as {id, name, position|type} and the member ids. {@code /guilds/{id}} has
   * the full objects.
   */
  public ObjectNode describeWorld(int offset, int limit) {
    synchronized (world) {
      ObjectNode o = Json.obj();
      o.put("application_id", Json.id(world.applicationId));
      o.put("bot_user_id", Json.id(world.bot.id));
      o.put("guild_count", world.guilds.size());
      o.put("offset", offset);
      ArrayNode gs = o.putArray("guilds");
      int i = 0;
      for (Guild g : world.guilds.values()) {
        if (i++ < offset) {
          continue;
        }
        if (gs.size() >= limit) {
          break;
        }
        ObjectNode gj = gs.addObject();
        gj.put("id", Json.id(g.id));
        gj.put("name", g.name);
        gj.put("owner_id", Json.id(g.ownerId));
        ArrayNode roles = gj.putArray("roles");
        g.roles
            .values()
            .forEach(
                r ->
                    roles
                        .addObject()
                        .put("id", Json.id(r.id))
                        .put("name", r.name)
                        .put("position", r.position));
        ArrayNode chans = gj.putArray("channels");
        g.channels
            .values()
            .forEach(
                c ->
                    chans
                        .addObject()
                        .put("id", Json.id(c.id))
                        .put("name", c.name)
                        .put("type", c.type));
        ArrayNode members = gj.putArray("member_ids");
        g.members.keySet().forEach(m -> members.add(Json.id(m)));
      }
      return o;
    }
  }

  public ObjectNode describeGuild(long guildId) {
    synchronized (world) {
      return describeGuild(guild(guildId));
    }
  }

  private ObjectNode describeGuild(Guild g) {
    ObjectNode o = Json.obj();
    o.put("id", Json.id(g.id));
    o.put("name", g.name);
    o.put("owner_id", Json.id(g.ownerId));
    ArrayNode roles = o.putArray("roles");
    g.roles.values().forEach(r -> roles.add(Payloads.role(r)));
    ArrayNode chans = o.putArray("channels");
    g.channels.values().forEach(c -> chans.add(Payloads.channel(c)));
    ArrayNode members = o.putArray("members");
    g.members.values().forEach(m -> members.add(Payloads.member(world, m, true)));
    return o;
  }

  // =============================================================== world: setup

  /** {@code {username, bot?, locale?, dms_open?, global_name?}} → the user object. */
  public ObjectNode createUser(JsonNode req) {
    synchronized (world) {
      User u = world.addUser(req.path("username").asText("user"), req.path("bot").asBoolean(false));
      applyUser(u, req);
      return Payloads.user(u);
    }
  }

  public ObjectNode updateUser(long userId, JsonNode req) {
    synchronized (world) {
      User u = user(userId);
      applyUser(u, req);
      return Payloads.user(u);
    }
  }

  private static void applyUser(User u, JsonNode req) {
    if (req.has("locale")) {
      u.locale = req.get("locale").asText();
    }
    if (req.has("dms_open")) {
      u.dmsOpen = req.get("dms_open").asBoolean();
    }
    if (req.has("global_name")) {
      u.globalName = req.get("global_name").asText(null);
    }
  }

  /**
   * {@code {name, owner_id?}}: a guild the bot has just joined (with @everyone, the bot's role and
   * a #general channel); announced with GUILD_CREATE on its shard.
   */
  public ObjectNode createGuild(JsonNode req) {
    byte[] event;
    long id;
    ObjectNode out;
    synchronized (world) {
      long owner = Json.snowflake(req, "owner_id");
      if (owner == 0) {
        owner = world.addUser("owner-" + world.guilds.size(), false).id;
      }
      user(owner);
      id = world.ids.next();
      Guild g = world.addGuild(id, req.path("name").asText("Guild"), owner);
      world.addChannel(g, World.GUILD_TEXT, "general", 0);
      event = Json.bytes(Payloads.guildCreate(world, g, 250));
      out = describeGuild(g);
    }
    gateway.dispatch(id, "GUILD_CREATE", Gateway.INTENT_GUILDS, event);
    return out;
  }

  /** The bot is removed from a guild: it leaves the world and GUILD_DELETE goes to its shard. */
  public void removeGuild(long guildId) {
    synchronized (world) {
      Guild g = guild(guildId);
      ObjectNode ev = Json.obj();
      ev.put("id", Json.id(g.id));
      ev.put("unavailable", false);
      // Dispatched before removal so that routing still sees the guild; sessions route by id only.
      gateway.dispatch(g.id, "GUILD_DELETE", Gateway.INTENT_GUILDS, ev);
      world.guilds.remove(g.id);
      g.channels.keySet().forEach(world.channels::remove);
      world.guildCommands.remove(g.id);
    }
  }

  /** {@code {name, permissions?, position?, color?, hoist?, mentionable?}} → GUILD_ROLE_CREATE. */
  public ObjectNode createRole(long guildId, JsonNode req) {
    synchronized (world) {
      Guild g = guild(guildId);
      long perms =
          req.has("permissions")
              ? Long.parseLong(req.get("permissions").asText())
              : Permissions.EVERYONE_DEFAULT;
      Role r =
          world.addRole(g, req.path("name").asText("role"), perms, req.path("position").asInt(1));
      r.color = req.path("color").asInt(0);
      r.hoist = req.path("hoist").asBoolean(false);
      r.mentionable = req.path("mentionable").asBoolean(false);
      ObjectNode ev = Json.obj();
      ev.put("guild_id", Json.id(g.id));
      ev.set("role", Payloads.role(r));
      gateway.dispatch(g.id, "GUILD_ROLE_CREATE", Gateway.INTENT_GUILDS, ev);
      return Payloads.role(r);
    }
  }

  /**
   * {@code {name, type? (0 text, 2 voice, 4 category), parent_id?, topic?, permission_overwrites?}}
   * → CHANNEL_CREATE.
   */
  public ObjectNode createChannel(long guildId, JsonNode req) {
    synchronized (world) {
      Guild g = guild(guildId);
      Channel c =
          world.addChannel(
              g,
              req.path("type").asInt(World.GUILD_TEXT),
              req.path("name").asText("channel"),
              Json.snowflake(req, "parent_id"));
      if (req.hasNonNull("topic")) {
        c.topic = req.get("topic").asText();
      }
      for (JsonNode ow : req.path("permission_overwrites")) {
        c.overwrites.add(
            new World.Overwrite(
                Json.snowflake(ow, "id"),
                ow.path("type").asInt(0),
                Long.parseLong(ow.path("allow").asText("0")),
                Long.parseLong(ow.path("deny").asText("0"))));
      }
      ObjectNode cj = Payloads.channel(c);
      gateway.dispatch(g.id, "CHANNEL_CREATE", Gateway.INTENT_GUILDS, cj);
      return cj;
    }
  }

  /**
   * A user joins: {@code {user_id? | username?, roles?: [ids], nick?}} → GUILD_MEMBER_ADD. Without
   * {@code user_id} a new user is created.
   */
  public ObjectNode addMember(long guildId, JsonNode req) {
    synchronized (world) {
      Guild g = guild(guildId);
      long uid = Json.snowflake(req, "user_id");
      User u = uid == 0 ? world.addUser(req.path("username").asText("newcomer"), false) : user(uid);
      if (g.members.containsKey(u.id)) {
        throw new IllegalArgumentException("already a member");
      }
      Member m = world.addMember(g, u.id);
      for (JsonNode r : req.path("roles")) {
        m.roles.add(Long.parseUnsignedLong(r.asText()));
      }
      if (req.hasNonNull("nick")) {
        m.nick = req.get("nick").asText();
      }
      ObjectNode ev = Payloads.memberEvent(world, g, m);
      gateway.dispatch(g.id, "GUILD_MEMBER_ADD", Gateway.INTENT_GUILD_MEMBERS, ev);
      return ev;
    }
  }

  /** A member leaves (or is kicked): GUILD_MEMBER_REMOVE. */
  public void removeMember(long guildId, long userId) {
    synchronized (world) {
      Guild g = guild(guildId);
      if (g.members.remove(userId) == null) {
        throw new IllegalArgumentException("not a member");
      }
      ObjectNode ev = Json.obj();
      ev.put("guild_id", Json.id(g.id));
      ev.set("user", Payloads.user(user(userId)));
      gateway.dispatch(g.id, "GUILD_MEMBER_REMOVE", Gateway.INTENT_GUILD_MEMBERS, ev);
    }
  }

  /** {@code {roles?: [ids], nick?}} → GUILD_MEMBER_UPDATE (as if changed by someone else). */
  public ObjectNode updateMember(long guildId, long userId, JsonNode req) {
    synchronized (world) {
      Guild g = guild(guildId);
      Member m = g.members.get(userId);
      if (m == null) {
        throw new IllegalArgumentException("not a member");
      }
      if (req.has("roles")) {
        m.roles.clear();
        for (JsonNode r : req.get("roles")) {
          m.roles.add(Long.parseUnsignedLong(r.asText()));
        }
      }
      if (req.has("nick")) {
        m.nick = req.get("nick").isNull() ? null : req.get("nick").asText();
      }
      ObjectNode ev = Payloads.memberEvent(world, g, m);
      gateway.dispatch(g.id, "GUILD_MEMBER_UPDATE", Gateway.INTENT_GUILD_MEMBERS, ev);
      return ev;
    }
  }

  // =============================================================== users acting

  private record Context(Guild guild, Channel channel, User user) {}

  /** Fills in defaults: first guild, its first text channel, its first ordinary member. */
  private Context context(JsonNode req) {
    long gid = Json.snowflake(req, "guild_id");
    long cid = Json.snowflake(req, "channel_id");
    long uid = Json.snowflake(req, "user_id");
    if (gid == 0 && cid != 0) {
      gid = channel(cid).guildId;
    }
    if (gid == 0 && cid == 0 && !req.path("dm").asBoolean(false)) {
      if (world.guilds.isEmpty()) {
        throw new IllegalArgumentException("the world has no guild");
      }
      gid = world.guilds.keySet().iterator().next();
    }
    Guild g = gid == 0 ? null : guild(gid);
    if (uid == 0) {
      if (g == null) {
        throw new IllegalArgumentException("user_id is required outside a guild");
      }
      uid =
          g.members.keySet().stream()
              .filter(u -> u != world.bot.id && u != g.ownerId)
              .findFirst()
              .orElse(g.ownerId);
    }
    User u = user(uid);
    Channel c;
    if (cid != 0) {
      c = channel(cid);
    } else if (g != null) {
      c =
          g.channels.values().stream()
              .filter(x -> x.type == World.GUILD_TEXT)
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("guild has no text channel"));
    } else {
      c = world.dmChannel(u.id);
    }
    if (g != null && !g.members.containsKey(u.id)) {
      throw new IllegalArgumentException("user is not a member of the guild");
    }
    return new Context(g, c, u);
  }

  private InteractionRef fire(
      Context ctx, int type, ObjectNode data, String name, long sourceMsg, ObjectNode message) {
    long id = world.ids.next();
    String token = interactions.newToken(id);
    ObjectNode payload =
        interactions.envelope(id, token, type, ctx.guild(), ctx.channel(), ctx.user());
    payload.set("data", data);
    if (message != null) {
      payload.set("message", message);
    }
    long gid = ctx.guild() == null ? 0 : ctx.guild().id;
    interactions.register(
        new Interactions.Interaction(
            id,
            token,
            type,
            Snowflakes.timestampOf(id),
            gid,
            ctx.channel().id,
            ctx.user().id,
            name,
            sourceMsg));
    long seq = gateway.dispatch(gid, "INTERACTION_CREATE", 0, payload);
    int shard = shardOf(gid);
    return new InteractionRef(id, token, shard, seq);
  }

  private int shardOf(long guildId) {
    GatewaySession s = gateway.routeFor(guildId, 0);
    return s == null ? -1 : s.shardId;
  }

  /**
   * A user runs a slash command: {@code {guild_id?, channel_id?, user_id?, name, subcommand?,
   * group?, options?: {name: value} | [{name, type, value}]}}. Option types come from the
   * registered command when there is one; user, role and channel options get {@code resolved}.
   */
  public InteractionRef slashCommand(JsonNode req) {
    synchronized (world) {
      Context ctx = context(req);
      ObjectNode data = commandData(ctx, req, null);
      return fire(ctx, Interactions.APPLICATION_COMMAND, data, data.path("name").asText(), 0, null);
    }
  }

  /** Convenience: {@code slashCommand(guild, user, "check", Map.of("wallet", "0xabc"))}. */
  public InteractionRef slashCommand(
      long guildId, long userId, String name, Map<String, ?> options) {
    ObjectNode req = Json.obj();
    req.put("guild_id", Json.id(guildId));
    req.put("user_id", Json.id(userId));
    req.put("name", name);
    req.set("options", Json.MAPPER.valueToTree(options));
    return slashCommand(req);
  }

  /** Autocomplete while typing: like a slash command plus {@code focused: "option name"}. */
  public InteractionRef autocomplete(JsonNode req) {
    synchronized (world) {
      Context ctx = context(req);
      String focused = req.path("focused").asText(null);
      if (focused == null) {
        throw new IllegalArgumentException("focused: the option being typed is required");
      }
      ObjectNode data = commandData(ctx, req, focused);
      return fire(ctx, Interactions.AUTOCOMPLETE, data, data.path("name").asText(), 0, null);
    }
  }

  private ObjectNode findCommand(Guild g, String name) {
    List<ObjectNode> lists = new ArrayList<>();
    if (g != null) {
      lists.addAll(world.guildCommands.getOrDefault(g.id, List.of()));
    }
    lists.addAll(world.globalCommands);
    for (ObjectNode c : lists) {
      if (c.path("name").asText().equals(name) && c.path("type").asInt(1) == 1) {
        return c;
      }
    }
    return null;
  }

  private ObjectNode commandData(Context ctx, JsonNode req, String focused) {
    String name = req.path("name").asText("");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name: the command name is required");
    }
    ObjectNode def = findCommand(ctx.guild(), name);
    ObjectNode data = Json.obj();
    data.put("id", def != null ? def.path("id").asText() : Json.id(world.ids.next()));
    data.put("name", name);
    data.put("type", 1);
    if (def != null && def.has("guild_id")) {
      data.put("guild_id", def.get("guild_id").asText());
    }
    JsonNode defOptions = def == null ? Json.arr() : def.path("options");
    String group = req.path("group").asText(null);
    String sub = req.path("subcommand").asText(null);
    if (group != null) {
      defOptions = findOption(defOptions, group).path("options");
    }
    if (sub != null) {
      defOptions = findOption(defOptions, sub).path("options");
    }
    ObjectNode resolved = Json.obj();
    ArrayNode opts = Json.arr();
    JsonNode given = req.path("options");
    if (given.isArray()) {
      for (JsonNode o : given) {
        opts.add(
            option(
                ctx,
                o.path("name").asText(),
                o.path("type").asInt(0),
                o.get("value"),
                defOptions,
                resolved,
                focused));
      }
    } else if (given.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = given.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        opts.add(option(ctx, e.getKey(), 0, e.getValue(), defOptions, resolved, focused));
      }
    }
    if (focused != null && opts.findValuesAsText("name").stream().noneMatch(focused::equals)) {
      // The user is typing in an option that has no value yet: Discord sends it empty and focused.
      opts.add(
          option(
              ctx,
              focused,
              0,
              Json.MAPPER.getNodeFactory().textNode(""),
              defOptions,
              resolved,
              focused));
    }
    ArrayNode top = opts;
    if (sub != null) {
      ObjectNode s = Json.obj();
      s.put("name", sub);
      s.put("type", 1);
      s.set("options", opts);
      top = Json.arr().add(s);
    }
    if (group != null) {
      ObjectNode gr = Json.obj();
      gr.put("name", group);
      gr.put("type", 2);
      gr.set("options", top);
      top = Json.arr().add(gr);
    }
    if (top.size() > 0) {
      data.set("options", top);
    }
    if (resolved.size() > 0) {
      data.set("resolved", resolved);
    }
    return data;
  }

  private static JsonNode findOption(JsonNode defs, String name) {
    for (JsonNode d : defs) {
      if (d.path("name").asText().equals(name)) {
        return d;
      }
    }
    return Json.obj();
  }

  private ObjectNode option(
      Context ctx,
      String name,
      int type,
      JsonNode value,
      JsonNode defs,
      ObjectNode resolved,
      String focused) {
    if (type == 0) {
      type = findOption(defs, name).path("type").asInt(0);
    }
    if (type == 0) {
      type =
          value == null
              ? 3
              : value.isIntegralNumber() ? 4 : value.isNumber() ? 10 : value.isBoolean() ? 5 : 3;
    }
    ObjectNode o = Json.obj();
    o.put("name", name);
    o.put("type", type);
    if (name.equals(focused)) {
      o.put("value", value == null ? "" : value.asText());
      o.put("focused", true);
      return o;
    }
    switch (type) {
      case 4 -> o.put("value", value.asLong());
      case 10 -> o.put("value", value.asDouble());
      case 5 -> o.put("value", value.asBoolean());
      case 6, 7, 8, 9 -> {
        String id = value.asText();
        o.put("value", id);
        resolve(ctx, type, Long.parseUnsignedLong(id), resolved);
      }
      default -> o.put("value", value == null ? "" : value.asText());
    }
    return o;
  }

  private void resolve(Context ctx, int type, long id, ObjectNode resolved) {
    Guild g = ctx.guild();
    if ((type == 6 || type == 9) && world.users.containsKey(id)) {
      resolved.with("users").set(Json.id(id), Payloads.user(world.users.get(id)));
      if (g != null && g.members.containsKey(id)) {
        ObjectNode m = Payloads.member(world, g.members.get(id), false);
        m.put("permissions", Long.toString(world.channelPermissions(g, ctx.channel(), id)));
        resolved.with("members").set(Json.id(id), m);
      }
    }
    if ((type == 8 || type == 9) && g != null && g.roles.containsKey(id)) {
      resolved.with("roles").set(Json.id(id), Payloads.role(g.roles.get(id)));
    }
    if (type == 7 && world.channels.containsKey(id)) {
      Channel c = world.channels.get(id);
      ObjectNode cj = Json.obj();
      cj.put("id", Json.id(c.id));
      cj.put("name", c.name);
      cj.put("type", c.type);
      cj.put(
          "permissions",
          Long.toString(g == null ? 0 : world.channelPermissions(g, c, ctx.user().id)));
      resolved.with("channels").set(Json.id(id), cj);
    }
  }

  /**
   * The message a component lives on: the stored message {@code message_id} if given, else a fresh
   * bot message in the channel carrying the component (stored, not announced).
   */
  private Message sourceMessage(Context ctx, JsonNode req, ObjectNode component) {
    long mid = Json.snowflake(req, "message_id");
    if (mid != 0) {
      Message m = world.messages.get(mid);
      if (m == null) {
        throw new IllegalArgumentException("unknown message");
      }
      return m;
    }
    long id = world.ids.next();
    ObjectNode extra = Json.obj();
    ArrayNode rows = extra.putArray("components");
    rows.addObject().put("type", 1).put("id", 1).putArray("components").add(component);
    ObjectNode m = Payloads.message(world, id, ctx.channel(), world.bot, "", extra, 0);
    m.remove("member");
    m.put("application_id", Json.id(world.applicationId));
    return world.addMessage(ctx.channel(), world.bot.id, m);
  }

  /** A user clicks a button: {@code {guild_id?, channel_id?, user_id?, custom_id, message_id?}}. */
  public InteractionRef button(JsonNode req) {
    synchronized (world) {
      Context ctx = context(req);
      String customId = required(req, "custom_id");
      ObjectNode comp = Json.obj();
      comp.put("type", 2);
      comp.put("id", 2);
      comp.put("style", 1);
      comp.put("label", req.path("label").asText("Button"));
      comp.put("custom_id", customId);
      Message src = sourceMessage(ctx, req, comp);
      ObjectNode data = Json.obj();
      data.put("custom_id", customId);
      data.put("component_type", 2);
      data.put("id", 2);
      return fire(ctx, Interactions.MESSAGE_COMPONENT, data, customId, src.id, src.json.deepCopy());
    }
  }

  /**
   * A user picks in a select menu: {@code {custom_id, values: [..], component_type? (3 string, 5
   * user, 6 role, 7 mentionable, 8 channel), message_id?, ...}}.
   */
  public InteractionRef select(JsonNode req) {
    synchronized (world) {
      Context ctx = context(req);
      String customId = required(req, "custom_id");
      int ctype = req.path("component_type").asInt(3);
      ArrayNode values = Json.arr();
      req.path("values").forEach(values::add);
      ObjectNode comp = Json.obj();
      comp.put("type", ctype);
      comp.put("id", 2);
      comp.put("custom_id", customId);
      if (ctype == 3) {
        ArrayNode options = comp.putArray("options");
        for (JsonNode v : values) {
          options.addObject().put("label", v.asText()).put("value", v.asText());
        }
      }
      comp.put("min_values", 1);
      comp.put("max_values", Math.max(1, values.size()));
      Message src = sourceMessage(ctx, req, comp);
      ObjectNode data = Json.obj();
      data.put("custom_id", customId);
      data.put("component_type", ctype);
      data.put("id", 2);
      data.set("values", values);
      if (ctype != 3) {
        ObjectNode resolved = Json.obj();
        int optType = ctype == 5 ? 6 : ctype == 6 ? 8 : ctype == 8 ? 7 : 9;
        for (JsonNode v : values) {
          resolve(ctx, optType, Long.parseUnsignedLong(v.asText()), resolved);
        }
        data.set("resolved", resolved);
      }
      return fire(ctx, Interactions.MESSAGE_COMPONENT, data, customId, src.id, src.json.deepCopy());
    }
  }

  /** A user submits a modal: {@code {custom_id, fields: {input_custom_id: value}, message_id?}}. */
  public InteractionRef modalSubmit(JsonNode req) {
    synchronized (world) {
      Context ctx = context(req);
      String customId = required(req, "custom_id");
      ObjectNode data = Json.obj();
      data.put("custom_id", customId);
      ArrayNode comps = data.putArray("components");
      int n = 1;
      Iterator<Map.Entry<String, JsonNode>> it = req.path("fields").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        ObjectNode label = comps.addObject();
        label.put("type", 18);
        label.put("id", n++);
        ObjectNode input = label.putObject("component");
        input.put("type", 4);
        input.put("id", n++);
        input.put("custom_id", e.getKey());
        input.put("value", e.getValue().asText());
      }
      long mid = Json.snowflake(req, "message_id");
      Message src = mid == 0 ? null : world.messages.get(mid);
      return fire(
          ctx,
          Interactions.MODAL_SUBMIT,
          data,
          customId,
          src == null ? 0 : src.id,
          src == null ? null : src.json.deepCopy());
    }
  }

  /**
   * A user sends a message: {@code {channel_id? | dm: true, user_id?, content, mentions?: [ids]}} →
   * MESSAGE_CREATE, with content emptied for sessions without MESSAGE_CONTENT unless it is a DM or
   * mentions the bot.
   */
  public InteractionRef message(JsonNode req) {
    synchronized (world) {
      Context ctx = context(req);
      long id = world.ids.next();
      ObjectNode m =
          Payloads.message(
              world, id, ctx.channel(), ctx.user(), req.path("content").asText(""), req, 0);
      for (JsonNode mention : req.path("mentions")) {
        User mentioned = world.users.get(Long.parseUnsignedLong(mention.asText()));
        if (mentioned != null) {
          m.withArray("mentions").add(Payloads.user(mentioned));
        }
      }
      world.addMessage(ctx.channel(), ctx.user().id, m);
      long gid = ctx.channel().guildId;
      long seq =
          gateway.dispatchUserMessage(
              gid,
              "MESSAGE_CREATE",
              gid == 0 ? Gateway.INTENT_DIRECT_MESSAGES : Gateway.INTENT_GUILD_MESSAGES,
              m);
      return new InteractionRef(id, null, shardOf(gid), seq);
    }
  }

  /** A user reacts: {@code {channel_id?, message_id, user_id?, emoji}} → MESSAGE_REACTION_ADD. */
  public InteractionRef reaction(JsonNode req) {
    synchronized (world) {
      Context ctx = context(req);
      long mid = Json.snowflake(req, "message_id");
      Message msg = world.messages.get(mid);
      if (msg == null) {
        throw new IllegalArgumentException("unknown message");
      }
      ObjectNode r = Json.obj();
      r.put("user_id", Json.id(ctx.user().id));
      r.put("type", 0);
      r.put("message_id", Json.id(mid));
      r.put("message_author_id", Json.id(msg.authorId));
      r.put("channel_id", Json.id(msg.channelId));
      if (ctx.guild() != null) {
        r.put("guild_id", Json.id(ctx.guild().id));
        r.set("member", Payloads.member(world, ctx.guild().members.get(ctx.user().id), true));
      }
      r.putObject("emoji").putNull("id").put("name", req.path("emoji").asText("👍"));
      r.put("burst", false);
      r.putArray("burst_colors");
      long gid = msg.guildId;
      long seq =
          gateway.dispatch(
              gid,
              "MESSAGE_REACTION_ADD",
              gid == 0
                  ? Gateway.INTENT_DIRECT_MESSAGE_REACTIONS
                  : Gateway.INTENT_GUILD_MESSAGE_REACTIONS,
              r);
      return new InteractionRef(mid, null, shardOf(gid), seq);
    }
  }

  /**
   * Used by the load generator: the given command ({@code {name, options?, subcommand?}}) or a
   * plain {@code /load}, invoked by {@code userId} (one member of the guild, or each in turn).
   */
  InteractionRef loadInteraction(long guildId, long channelId, long userId, JsonNode command) {
    ObjectNode req = command == null ? Json.obj().put("name", "load") : command.deepCopy();
    req.put("guild_id", Json.id(guildId));
    req.put("channel_id", Json.id(channelId));
    req.put("user_id", Json.id(userId));
    return slashCommand(req);
  }

  long[] interactionTimings(long id) {
    return interactions.timings(id);
  }

  private static String required(JsonNode req, String field) {
    String v = req.path(field).asText(null);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return v;
  }

  // =============================================================== read-back

  /** Everything the bot did with an interaction, in order, with ms since its creation. */
  public Optional<ObjectNode> conversation(long interactionId) {
    return interactions.conversation(interactionId);
  }

  /** Messages of a channel, oldest first. */
  public ArrayNode channelMessages(long channelId) {
    synchronized (world) {
      Channel c = channel(channelId);
      ArrayNode a = Json.arr();
      for (long id : c.messageIds) {
        Message m = world.messages.get(id);
        if (m != null && !m.deleted) {
          a.add(m.json.deepCopy());
        }
      }
      return a;
    }
  }

  /**
   * The bytes of a file the bot uploaded with an interaction message, by the attachment's {@code
   * url} or {@code proxy_url} as the message shows it; empty when unknown or forgotten.
   */
  public Optional<byte[]> attachment(String url) {
    return interactions.attachments().byUrl(url).map(a -> a.data().clone());
  }

  /** A stored upload with its name and content type, for the control route. */
  Optional<Attachments.Stored> attachmentInfo(long attachmentId) {
    return interactions.attachments().get(attachmentId);
  }

  /** The same by attachment id. */
  public Optional<byte[]> attachment(long attachmentId) {
    return interactions.attachments().get(attachmentId).map(a -> a.data().clone());
  }

  /** Messages the bot sent to a user in DMs, oldest first. */
  public ArrayNode directMessages(long userId) {
    synchronized (world) {
      Long cid = world.dmChannelByUser.get(userId);
      if (cid == null) {
        return Json.arr();
      }
      return channelMessages(cid);
    }
  }

  /** Registered commands: global when {@code guildId == 0}. */
  public ArrayNode commands(long guildId) {
    synchronized (world) {
      ArrayNode a = Json.arr();
      (guildId == 0 ? world.globalCommands : world.guildCommands.getOrDefault(guildId, List.of()))
          .forEach(a::add);
      return a;
    }
  }

  public ObjectNode counters() {
    ObjectNode o = counters.toJson();
    o.set("sessions", gateway.describeSessions());
    return o;
  }

  public ArrayNode sessions() {
    return gateway.describeSessions();
  }

  // =============================================================== faults

  /** Drops the shard's connections abnormally (no close frame); sessions stay resumable. */
  public int dropShard(int shardId) {
    return gateway.dropShard(shardId);
  }

  /** Sends op 7 RECONNECT to the shard; drops it after {@code graceMs} if it has not left. */
  public int reconnectShard(int shardId, long graceMs) {
    return gateway.reconnectShard(shardId, graceMs);
  }

  /** Sends op 9 INVALID_SESSION with {@code d = resumable}. */
  public int invalidateSession(int shardId, boolean resumable) {
    return gateway.invalidateShard(shardId, resumable);
  }

  /** Sends op 1: the shard must heartbeat immediately. */
  public int requestHeartbeat(int shardId) {
    return gateway.requestHeartbeat(shardId);
  }

  /** New gateway connections get HTTP 503 for this long. */
  public void refuseConnections(long millis) {
    gateway.refuseConnectionsFor(millis);
  }

  /**
   * Adds a REST fault. {@code route}: a template like {@code /channels/{channel_id}/messages}, a
   * path, a prefix ending in {@code *}, or {@code *}; {@code status} 0 (latency only), 5xx or 429;
   * {@code count} &lt; 0 for unlimited.
   */
  public void restFault(
      String method,
      String route,
      int status,
      long latencyMs,
      double retryAfterSeconds,
      boolean global,
      int count) {
    faults.add(
        new Faults.RestFault(
            method, route, status, latencyMs, retryAfterSeconds, global, new AtomicInteger(count)));
  }

  public void clearFaults() {
    faults.clear();
    gateway.refuseConnectionsFor(0);
  }

  public ArrayNode faults() {
    return faults.toJson();
  }

  /** Changes a route family's bucket (names as in the README), e.g. 1 request per 2 s. */
  public void rateLimit(String family, int limit, long windowMs) {
    limiter.override(family, limit, windowMs);
  }

  public void globalRateLimit(int perSecond) {
    limiter.globalLimit(perSecond);
  }

  /** Moves the emulator's clock forward: interactions and tokens age accordingly. */
  public void advanceClock(long millis) {
    clock.advance(millis);
  }

  // =============================================================== load

  /**
   * Starts a load run. {@code stages}: {@code [{duration_ms, rate}]}; {@code mix}: weights by event
   * type (MESSAGE_CREATE, GUILD_MEMBER_UPDATE, MESSAGE_REACTION_ADD, INTERACTION_CREATE).
   */
  public int startLoad(List<long[]> stages, Map<String, Integer> mix) {
    List<LoadGenerator.Stage> st = new ArrayList<>();
    for (long[] s : stages) {
      st.add(new LoadGenerator.Stage(s[0], (int) s[1]));
    }
    return startLoadStages(st, mix);
  }

  /**
   * A load run whose INTERACTION_CREATE share invokes {@code commands} (each {@code {name,
   * options?, subcommand?, group?}}; empty: {@code /load}), as {@code POST /load} with {@code
   * commands} does: the run's i-th event goes to guild {@code i mod guilds} and, when it is an
   * interaction, invokes command {@code i mod commands} (pick coprime counts for every guild to see
   * every command). With {@code spreadUsers}, each guild's interactions come from its ordinary
   * members (not the bot, not the owner) in turn instead of from one member, so a member acts again
   * only after {@code members} more interactions in that guild — what an interaction benchmark
   * needs to stay clear of a bot's per-user rate limits and cooldowns.
   */
  public int startLoad(
      List<long[]> stages,
      Map<String, Integer> mix,
      List<? extends JsonNode> commands,
      boolean spreadUsers) {
    List<LoadGenerator.Stage> st = new ArrayList<>();
    for (long[] s : stages) {
      st.add(new LoadGenerator.Stage(s[0], (int) s[1]));
    }
    return startLoadStages(st, mix, 20_000, List.copyOf(commands), spreadUsers);
  }

  int startLoadStages(List<LoadGenerator.Stage> stages, Map<String, Integer> mix) {
    return startLoadStages(stages, mix, 20_000, List.of());
  }

  int startLoadStages(
      List<LoadGenerator.Stage> stages,
      Map<String, Integer> mix,
      int maxBacklog,
      List<JsonNode> commands) {
    return startLoadStages(stages, mix, maxBacklog, commands, false);
  }

  int startLoadStages(
      List<LoadGenerator.Stage> stages,
      Map<String, Integer> mix,
      int maxBacklog,
      List<JsonNode> commands,
      boolean spreadUsers) {
    int id = runIds.incrementAndGet();
    runs.put(
        id,
        load.start(
            id, stages, mix.isEmpty() ? defaultMix() : mix, maxBacklog, commands, spreadUsers));
    return id;
  }

  static Map<String, Integer> defaultMix() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("MESSAGE_CREATE", 60);
    m.put("GUILD_MEMBER_UPDATE", 20);
    m.put("MESSAGE_REACTION_ADD", 15);
    m.put("INTERACTION_CREATE", 5);
    return m;
  }

  public Optional<ObjectNode> loadSummary(int runId) {
    LoadGenerator.Run r = runs.get(runId);
    return r == null ? Optional.empty() : Optional.of(load.summary(r));
  }

  /** True once the run has dispatched its plan (or was stopped). */
  public boolean loadFinished(int runId) {
    LoadGenerator.Run r = runs.get(runId);
    return r != null && r.finished;
  }

  /** The ledger as NDJSON lines (see README). */
  public Optional<byte[]> loadLedger(int runId) {
    LoadGenerator.Run r = runs.get(runId);
    return r == null ? Optional.empty() : Optional.of(LoadGenerator.ledger(r));
  }

  public boolean stopLoad(int runId) {
    LoadGenerator.Run r = runs.get(runId);
    if (r == null) {
      return false;
    }
    r.stop = true;
    return true;
  }

  void stopLoad() {
    runs.values().forEach(r -> r.stop = true);
  }

  EmulatorConfig config() {
    return cfg;
  }
}
