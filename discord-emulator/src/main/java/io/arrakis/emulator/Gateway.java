package io.arrakis.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.emulator.World.Guild;
import io.arrakis.emulator.World.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's rules: HELLO, heartbeats, IDENTIFY checks, READY and GUILD_CREATE, RESUME with
 * replay, INVALID_SESSION, close codes, zombie detection, and routing of dispatches to the shard
 * that owns a guild.
 */
final class Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  static final int OP_DISPATCH = 0;
  static final int OP_HEARTBEAT = 1;
  static final int OP_IDENTIFY = 2;
  static final int OP_PRESENCE = 3;
  static final int OP_VOICE_STATE = 4;
  static final int OP_RESUME = 6;
  static final int OP_RECONNECT = 7;
  static final int OP_REQUEST_MEMBERS = 8;
  static final int OP_INVALID_SESSION = 9;
  static final int OP_HELLO = 10;
  static final int OP_HEARTBEAT_ACK = 11;
  static final int OP_REQUEST_SOUNDBOARD = 31;

  static final int INTENT_GUILDS = 1;
  static final int INTENT_GUILD_MEMBERS = 1 << 1;
  static final int INTENT_GUILD_MESSAGES = 1 << 9;
  static final int INTENT_GUILD_MESSAGE_REACTIONS = 1 << 10;
  static final int INTENT_DIRECT_MESSAGES = 1 << 12;
  static final int INTENT_DIRECT_MESSAGE_REACTIONS = 1 << 13;
  static final int INTENT_MESSAGE_CONTENT = 1 << 15;

  /** Bits Discord defines today; anything else is "invalid intents" (4013). */
  static final int KNOWN_INTENTS = ((1 << 17) - 1) | (1 << 20) | (1 << 21) | (1 << 24) | (1 << 25);

  final EmulatorConfig cfg;
  final World world;
  final Counters counters;
  final ScheduledExecutorService scheduler;
  private final ConcurrentHashMap<String, GatewaySession> sessions = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<GatewaySession> live = new CopyOnWriteArrayList<>();
  private final Set<GatewayConnection> connections = ConcurrentHashMap.newKeySet();
  private final long[] lastIdentifyNanos;
  private final AtomicInteger sessionStartsRemaining;
  private volatile long refuseUntilNanos;
  private volatile String url = "ws://127.0.0.1/";

  Gateway(EmulatorConfig cfg, World world, Counters counters, ScheduledExecutorService scheduler) {
    this.cfg = cfg;
    this.world = world;
    this.counters = counters;
    this.scheduler = scheduler;
    this.lastIdentifyNanos = new long[cfg.maxConcurrency()];
    this.sessionStartsRemaining = new AtomicInteger(cfg.sessionStartLimit());
    long tick = Math.max(50, Math.min(1000, cfg.zombieTimeout().toMillis() / 4));
    scheduler.scheduleWithFixedDelay(this::sweep, tick, tick, TimeUnit.MILLISECONDS);
  }

  void url(String url) {
    this.url = url;
  }

  String url() {
    return url;
  }

  int sessionStartsRemaining() {
    return sessionStartsRemaining.get();
  }

  // ------------------------------------------------------------------ connection lifecycle

  boolean refusing() {
    return refuseUntilNanos - System.nanoTime() > 0;
  }

  void refuseConnectionsFor(long millis) {
    refuseUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  void opened(GatewayConnection c) {
    connections.add(c);
    counters.inc("gateway.connections");
    c.send(
        Frames.op(
            OP_HELLO,
            "{\"heartbeat_interval\":"
                + cfg.heartbeatInterval().toMillis()
                + ",\"_trace\":[\"[\\\"emulator\\\"]\"]}"));
  }

  void closed(GatewayConnection c, int clientCode, boolean killSession) {
    connections.remove(c);
    GatewaySession s = c.session();
    if (s == null) {
      return;
    }
    if (killSession || clientCode == 1000 || clientCode == 1001) {
      if (s.connection() == c || s.connection() == null) {
        kill(s);
      }
    } else {
      s.detach(c);
    }
  }

  private void kill(GatewaySession s) {
    s.kill();
    live.remove(s);
    sessions.remove(s.id);
  }

  private void sweep() {
    try {
      long now = System.nanoTime();
      long zombie = cfg.zombieTimeout().toNanos();
      for (GatewayConnection c : connections) {
        if (now - c.lastHeartbeatNanos() > zombie) {
          counters.inc("gateway.zombies");
          c.close(4009, "Session timed out", true);
        }
      }
      long window = cfg.resumeWindow().toNanos();
      for (GatewaySession s : live) {
        if (s.expired(window, now)) {
          kill(s);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("gateway sweep failed", e);
    }
  }

  // ------------------------------------------------------------------ client payloads

  void received(GatewayConnection c, int op, JsonNode d) {
    switch (op) {
      case OP_HEARTBEAT -> {
        c.heartbeat();
        counters.inc("gateway.heartbeats");
        c.send(Frames.op(OP_HEARTBEAT_ACK, "null"));
      }
      case OP_IDENTIFY -> identify(c, d);
      case OP_RESUME -> resume(c, d);
      case OP_PRESENCE, OP_VOICE_STATE, OP_REQUEST_SOUNDBOARD -> {
        if (c.session() == null) {
          c.close(4003, "Not authenticated.", true);
        }
      }
      case OP_REQUEST_MEMBERS -> requestMembers(c, d);
      default -> c.close(4001, "Unknown opcode.", false);
    }
  }

  private boolean tokenOk(JsonNode d) {
    String t = d == null ? null : d.path("token").asText(null);
    if (t == null) {
      return false;
    }
    if (t.startsWith("Bot ")) {
      t = t.substring(4);
    }
    return t.equals(cfg.token());
  }

  private void identify(GatewayConnection c, JsonNode d) {
    if (c.session() != null) {
      c.close(4005, "Already authenticated.", false);
      return;
    }
    if (d == null || !d.isObject()) {
      c.close(4002, "Decode error", false);
      return;
    }
    if (!tokenOk(d)) {
      c.close(4004, "Authentication failed.", true);
      return;
    }
    JsonNode intentsNode = d.get("intents");
    if (intentsNode == null || !intentsNode.canConvertToInt()) {
      c.close(4013, "Invalid intent(s).", true);
      return;
    }
    int intents = intentsNode.asInt();
    if ((intents & ~KNOWN_INTENTS) != 0 || intents < 0) {
      c.close(4013, "Invalid intent(s).", true);
      return;
    }
    if ((intents & EmulatorConfig.PRIVILEGED_INTENTS & ~cfg.allowedPrivilegedIntents()) != 0) {
      c.close(4014, "Disallowed intent(s).", true);
      return;
    }
    int shardId = 0;
    int shardCount = 1;
    JsonNode shard = d.get("shard");
    if (shard != null && !shard.isNull()) {
      if (!shard.isArray() || shard.size() != 2) {
        c.close(4010, "Invalid shard.", true);
        return;
      }
      shardId = shard.get(0).asInt(-1);
      shardCount = shard.get(1).asInt(0);
      if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
        c.close(4010, "Invalid shard.", true);
        return;
      }
    }
    if (world.guildsOnShard(shardId, shardCount).size() > cfg.maxGuildsPerShard()) {
      c.close(4011, "Sharding required.", true);
      return;
    }
    int bucket = shardId % cfg.maxConcurrency();
    long now = System.nanoTime();
    synchronized (lastIdentifyNanos) {
      long last = lastIdentifyNanos[bucket];
      if (last != 0 && now - last < cfg.identifyInterval().toNanos()) {
        counters.inc("gateway.identify_rate_limited");
        c.send(Frames.op(OP_INVALID_SESSION, "false"));
        return;
      }
      lastIdentifyNanos[bucket] = now;
    }
    if (sessionStartsRemaining.getAndUpdate(v -> Math.max(0, v - 1)) <= 0) {
      counters.inc("gateway.session_start_limit_exhausted");
      c.send(Frames.op(OP_INVALID_SESSION, "false"));
      return;
    }
    int largeThreshold = Math.max(50, Math.min(250, d.path("large_threshold").asInt(50)));
    String sessionId = UUID.randomUUID().toString().replace("-", "");
    GatewaySession s =
        new GatewaySession(
            sessionId, shardId, shardCount, intents, cfg.resumeBufferSize(), counters);
    counters.inc("gateway.identifies");
    c.heartbeat();
    List<byte[]> guildCreates = new ArrayList<>();
    byte[] ready;
    synchronized (world) {
      List<Guild> guilds = world.guildsOnShard(shardId, shardCount);
      ObjectNode r = Json.obj();
      r.put("v", 10);
      r.putObject("user_settings");
      r.set("user", Payloads.selfUser(world.bot));
      r.put("session_type", "normal");
      r.put("session_id", sessionId);
      r.put("resume_gateway_url", url);
      ArrayNode gs = r.putArray("guilds");
      for (Guild g : guilds) {
        gs.addObject().put("id", Json.id(g.id)).put("unavailable", true);
        guildCreates.add(Json.bytes(Payloads.guildCreate(world, g, largeThreshold)));
      }
      r.putArray("shard").add(shardId).add(shardCount);
      r.putObject("application").put("id", Json.id(world.applicationId)).put("flags", 0);
      r.putArray("private_channels");
      r.putArray("relationships");
      r.putArray("presences");
      r.putArray("guild_join_requests");
      r.putArray("geo_ordered_rtc_regions");
      r.putObject("auth");
      r.putArray("_trace").add("[\"emulator\"]");
      ready = Json.bytes(r);
    }
    sessions.put(sessionId, s);
    // Registered while holding the session lock: a concurrent dispatch finds the session but
    // waits for the lock, so it is neither lost nor sent before READY and the GUILD_CREATEs.
    synchronized (s) {
      live.add(s);
      c.session(s);
      s.attach(c);
      s.dispatch(Frames.head("READY"), ready);
      byte[] head = Frames.head("GUILD_CREATE");
      for (byte[] gc : guildCreates) {
        s.dispatch(head, gc);
      }
    }
  }

  private void resume(GatewayConnection c, JsonNode d) {
    if (c.session() != null) {
      c.close(4005, "Already authenticated.", false);
      return;
    }
    if (d == null || !d.isObject()) {
      c.close(4002, "Decode error", false);
      return;
    }
    if (!tokenOk(d)) {
      c.close(4004, "Authentication failed.", true);
      return;
    }
    c.heartbeat();
    GatewaySession s = sessions.get(d.path("session_id").asText(""));
    if (s == null) {
      counters.inc("gateway.resume_failed");
      c.send(Frames.op(OP_INVALID_SESSION, "false"));
      return;
    }
    c.session(s);
    GatewayConnection[] replaced = new GatewayConnection[1];
    GatewaySession.ResumeOutcome outcome = s.resume(c, d.path("seq").asLong(0), replaced);
    switch (outcome) {
      case RESUMED -> {
        counters.inc("gateway.resumes");
        if (replaced[0] != null) {
          replaced[0].session(null);
          replaced[0].abort();
        }
      }
      case INVALID_SEQ -> {
        c.session(null);
        c.close(4007, "Invalid seq.", false);
      }
      case NOT_RESUMABLE -> {
        c.session(null);
        counters.inc("gateway.resume_failed");
        c.send(Frames.op(OP_INVALID_SESSION, "false"));
      }
    }
  }

  private void requestMembers(GatewayConnection c, JsonNode d) {
    GatewaySession s = c.session();
    if (s == null) {
      c.close(4003, "Not authenticated.", true);
      return;
    }
    List<Long> guildIds = new ArrayList<>();
    JsonNode g = d == null ? null : d.get("guild_id");
    if (g != null && g.isArray()) {
      g.forEach(x -> guildIds.add(Long.parseUnsignedLong(x.asText())));
    } else if (g != null) {
      guildIds.add(Long.parseUnsignedLong(g.asText()));
    }
    Set<String> userIds = ConcurrentHashMap.newKeySet();
    JsonNode u = d.get("user_ids");
    if (u != null && u.isArray()) {
      u.forEach(x -> userIds.add(x.asText()));
    } else if (u != null && !u.isNull()) {
      userIds.add(u.asText());
    }
    for (long gid : guildIds) {
      byte[] chunk;
      synchronized (world) {
        Guild guild = world.guilds.get(gid);
        if (guild == null) {
          continue;
        }
        ObjectNode o = Json.obj();
        o.put("guild_id", Json.id(gid));
        ArrayNode members = o.putArray("members");
        for (Member m : guild.members.values()) {
          if (userIds.isEmpty() || userIds.contains(Json.id(m.userId))) {
            members.add(Payloads.member(world, m, true));
          }
        }
        o.put("chunk_index", 0);
        o.put("chunk_count", 1);
        o.putArray("not_found");
        if (d.has("nonce")) {
          o.set("nonce", d.get("nonce"));
        }
        chunk = Json.bytes(o);
      }
      s.dispatch(Frames.head("GUILD_MEMBERS_CHUNK"), chunk);
    }
  }

  // ------------------------------------------------------------------ dispatching

  /**
   * Sends an event to every session whose shard owns {@code guildId} (0 = DMs, shard 0) and that
   * subscribed to {@code intent}. Returns the sequence number given by the first such session, or
   * -1 when no session took it.
   */
  long dispatch(long guildId, String type, int intent, byte[] data) {
    byte[] head = Frames.head(type);
    long first = -1;
    for (GatewaySession s : live) {
      if (s.routes(guildId) && s.wants(intent)) {
        long seq = s.dispatch(head, data);
        if (first < 0) {
          first = seq;
        }
      }
    }
    if (first < 0) {
      counters.inc("gateway.undeliverable");
    }
    return first;
  }

  /**
   * A message written by a user: sessions without the privileged MESSAGE_CONTENT intent get it with
   * content, embeds, attachments and components emptied, as Discord does (DMs and messages
   * mentioning the bot keep their content).
   */
  long dispatchUserMessage(long guildId, String type, int intent, ObjectNode message) {
    byte[] full = Json.bytes(message);
    boolean mentionsBot = false;
    for (JsonNode m : message.path("mentions")) {
      mentionsBot |= m.path("id").asText().equals(Json.id(world.bot.id));
    }
    byte[] stripped = full;
    if (guildId != 0 && !mentionsBot) {
      ObjectNode copy = message.deepCopy();
      copy.put("content", "");
      copy.putArray("embeds");
      copy.putArray("attachments");
      copy.putArray("components");
      stripped = Json.bytes(copy);
    }
    byte[] head = Frames.head(type);
    long first = -1;
    for (GatewaySession s : live) {
      if (s.routes(guildId) && s.wants(intent)) {
        long seq = s.dispatch(head, s.wants(INTENT_MESSAGE_CONTENT) ? full : stripped);
        if (first < 0) {
          first = seq;
        }
      }
    }
    if (first < 0) {
      counters.inc("gateway.undeliverable");
    }
    return first;
  }

  long dispatch(long guildId, String type, int intent, JsonNode data) {
    return dispatch(guildId, type, intent, Json.bytes(data));
  }

  /** The first live session that owns {@code guildId} and subscribed to {@code intent}. */
  GatewaySession routeFor(long guildId, int intent) {
    for (GatewaySession s : live) {
      if (s.routes(guildId) && s.wants(intent)) {
        return s;
      }
    }
    return null;
  }

  List<GatewaySession> sessionsOnShard(int shardId) {
    List<GatewaySession> out = new ArrayList<>();
    for (GatewaySession s : live) {
      if (s.shardId == shardId) {
        out.add(s);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ faults

  /** Drops every connection of a shard without a close frame; the sessions stay resumable. */
  int dropShard(int shardId) {
    int n = 0;
    for (GatewaySession s : sessionsOnShard(shardId)) {
      GatewayConnection c = s.connection();
      if (c != null) {
        s.detach(c);
        c.abort();
        n++;
      }
    }
    return n;
  }

  /** Sends op 7 RECONNECT; if the client has not left after {@code graceMs}, drops it. */
  int reconnectShard(int shardId, long graceMs) {
    int n = 0;
    for (GatewaySession s : sessionsOnShard(shardId)) {
      GatewayConnection c = s.connection();
      if (c != null) {
        c.send(Frames.op(OP_RECONNECT, "null"));
        n++;
        if (graceMs > 0) {
          scheduler.schedule(
              () -> {
                if (s.connection() == c) {
                  s.detach(c);
                  c.abort();
                }
              },
              graceMs,
              TimeUnit.MILLISECONDS);
        }
      }
    }
    return n;
  }

  /** Sends op 9; with {@code resumable=false} the session is gone for good. */
  int invalidateShard(int shardId, boolean resumable) {
    int n = 0;
    for (GatewaySession s : sessionsOnShard(shardId)) {
      GatewayConnection c = s.connection();
      if (!resumable) {
        kill(s);
      }
      if (c != null) {
        if (!resumable) {
          c.session(null);
        }
        c.send(Frames.op(OP_INVALID_SESSION, Boolean.toString(resumable)));
        n++;
      }
    }
    return n;
  }

  /** Sends op 1: the client must answer with a heartbeat at once. */
  int requestHeartbeat(int shardId) {
    int n = 0;
    for (GatewaySession s : sessionsOnShard(shardId)) {
      GatewayConnection c = s.connection();
      if (c != null) {
        c.send(Frames.op(OP_HEARTBEAT, Long.toString(s.seq())));
        n++;
      }
    }
    return n;
  }

  ArrayNode describeSessions() {
    ArrayNode a = Json.arr();
    for (GatewaySession s : live) {
      ObjectNode o = a.addObject();
      o.put("session_id", s.id);
      o.putArray("shard").add(s.shardId).add(s.shardCount);
      o.put("intents", s.intents);
      o.put("seq", s.seq());
      GatewayConnection c = s.connection();
      o.put("connected", c != null);
      o.put("compressed", c != null && c.compressed());
    }
    return a;
  }
}
