package io.arrakis.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.emulator.Http.Reply;
import io.arrakis.emulator.World.Channel;
import io.arrakis.emulator.World.Guild;
import io.arrakis.emulator.World.Message;
import io.arrakis.emulator.World.User;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Interactions the emulator created, and everything the bot did with them: the one callback allowed
 * within the response window, then followups and edits through the interaction webhook while the
 * token lives. Each step is recorded with its time since creation.
 */
final class Interactions {
  static final int PING = 1;
  static final int APPLICATION_COMMAND = 2;
  static final int MESSAGE_COMPONENT = 3;
  static final int AUTOCOMPLETE = 4;
  static final int MODAL_SUBMIT = 5;

  /** Interactions kept for callbacks and read-back; the oldest are forgotten first. */
  private static final int MAX_KEPT = 100_000;

  private static final int EPHEMERAL = 1 << 6;
  private static final int LOADING = 1 << 7;

  /** One created interaction and its conversation. */
  static final class Interaction {
    final long id;
    final String token;
    final int type;
    final long createdAtMillis;
    final long createdNanos = System.nanoTime();
    long callbackNanos = -1;
    long lastResponseNanos = -1;
    final long guildId;
    final long channelId;
    final long userId;
    final String name;
    final long sourceMessageId;
    Integer callbackType;
    long originalMessageId;
    final Set<Long> followupIds = new LinkedHashSet<>();
    final ArrayNode events = Json.arr();

    Interaction(
        long id,
        String token,
        int type,
        long createdAtMillis,
        long guildId,
        long channelId,
        long userId,
        String name,
        long sourceMessageId) {
      this.id = id;
      this.token = token;
      this.type = type;
      this.createdAtMillis = createdAtMillis;
      this.guildId = guildId;
      this.channelId = channelId;
      this.userId = userId;
      this.name = name;
      this.sourceMessageId = sourceMessageId;
    }
  }

  private final EmulatorConfig cfg;
  private final World world;
  private final Gateway gateway;
  private final EmulatorClock clock;
  private final Counters counters;
  private final SecureRandom random = new SecureRandom();
  private final ConcurrentHashMap<Long, Interaction> byId = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Interaction> byToken = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Long> order = new ConcurrentLinkedQueue<>();
  private final Attachments attachments;

  Interactions(
      EmulatorConfig cfg, World world, Gateway gateway, EmulatorClock clock, Counters counters) {
    this.cfg = cfg;
    this.world = world;
    this.gateway = gateway;
    this.clock = clock;
    this.counters = counters;
    this.attachments = new Attachments(world.ids, counters);
  }

  /** The files the bot uploaded with interaction messages. */
  Attachments attachments() {
    return attachments;
  }

  /** The attachments a message has now, for an edit that lists the ones to keep. */
  private ArrayNode currentAttachments(long messageId) {
    Message m = messageId == 0 ? null : world.messages.get(messageId);
    if (m == null) {
      return Json.arr();
    }
    synchronized (world) {
      JsonNode a = m.json.get("attachments");
      return a != null && a.isArray() ? (ArrayNode) a.deepCopy() : Json.arr();
    }
  }

  String newToken(long id) {
    byte[] b = new byte[48];
    random.nextBytes(b);
    return "aW50ZXJhY3Rpb246"
        + Long.toUnsignedString(id)
        + ":"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  Interaction register(Interaction i) {
    byId.put(i.id, i);
    byToken.put(i.token, i);
    order.add(i.id);
    while (byId.size() > MAX_KEPT) {
      Long old = order.poll();
      if (old == null) {
        break;
      }
      Interaction gone = byId.remove(old);
      if (gone != null) {
        byToken.remove(gone.token);
      }
    }
    counters.inc("interactions.created");
    return i;
  }

  Optional<Interaction> get(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  private long ageMs(Interaction i) {
    return clock.millis() - i.createdAtMillis;
  }

  private void record(Interaction i, String kind, int status, JsonNode body, Integer code) {
    long now = System.nanoTime();
    if (status < 300) {
      if (kind.equals("callback")) {
        i.callbackNanos = now;
      }
      i.lastResponseNanos = now;
    }
    ObjectNode e = i.events.addObject();
    e.put("at_ms", ageMs(i));
    e.put("at_us", (now - i.createdNanos) / 1000);
    e.put("kind", kind);
    e.put("status", status);
    if (code != null) {
      e.put("code", code);
    }
    if (body != null) {
      e.set("body", body);
    }
  }

  // ---------------------------------------------------------------- POST callback

  Reply callback(Http.Call call) {
    Interaction i = byId.get(call.snowflake("interaction_id"));
    if (i == null || !i.token.equals(call.param("interaction_token"))) {
      return Reply.error(404, 10062, "Unknown interaction");
    }
    JsonNode body = call.json();
    int type = body.path("type").asInt(-1);
    synchronized (i) {
      if (i.callbackType != null) {
        counters.inc("interactions.double_callback");
        record(i, "callback_rejected", 400, body, 40060);
        return Reply.error(400, 40060, "Interaction has already been acknowledged.");
      }
      if (ageMs(i) > cfg.interactionResponseWindow().toMillis()) {
        counters.inc("interactions.late_callback");
        record(i, "callback_rejected", 404, body, 10062);
        return Reply.error(404, 10062, "Unknown interaction");
      }
      if (!allowed(i.type, type)) {
        record(i, "callback_rejected", 400, body, 50035);
        return invalidForm("type", "Interaction response type " + type + " is not valid here");
      }
      ArrayNode files = null;
      if (type == 4 || type == 7) {
        try {
          ArrayNode existing = type == 7 ? currentAttachments(i.sourceMessageId) : null;
          files = attachments.resolve(call.form(), body.path("data"), existing, i.channelId);
        } catch (Attachments.Refused r) {
          record(i, "callback_rejected", r.reply.status(), body, r.code);
          return r.reply;
        }
      }
      i.callbackType = type;
      counters.inc("interactions.callbacks");
      record(i, "callback", call.queryFlag("with_response") ? 200 : 204, body, null);
      JsonNode data = body.path("data");
      ObjectNode message = null;
      switch (type) {
        case 4 -> message = createOriginal(i, data, 0, files);
        case 5 -> message = createOriginal(i, data, LOADING, Json.arr());
        case 7 -> message = updateSource(i, data, files);
        default -> {}
      }
      if (!call.queryFlag("with_response")) {
        return Reply.noContent();
      }
      ObjectNode resp = Json.obj();
      ObjectNode in = resp.putObject("interaction");
      in.put("id", Json.id(i.id));
      in.put("type", i.type);
      if (message != null) {
        in.put("response_message_id", message.path("id").asText());
        in.put("response_message_loading", type == 5);
        in.put("response_message_ephemeral", (message.path("flags").asInt() & EPHEMERAL) != 0);
      }
      ObjectNode res = resp.putObject("resource");
      res.put("type", type);
      if (message != null && type != 5) {
        res.set("message", message);
      }
      return Reply.ok(resp);
    }
  }

  private static boolean allowed(int interactionType, int callbackType) {
    return switch (interactionType) {
      case PING -> callbackType == 1;
      case APPLICATION_COMMAND -> callbackType == 4 || callbackType == 5 || callbackType == 9;
      case MESSAGE_COMPONENT ->
          callbackType == 4
              || callbackType == 5
              || callbackType == 6
              || callbackType == 7
              || callbackType == 9;
      case AUTOCOMPLETE -> callbackType == 8;
      case MODAL_SUBMIT ->
          callbackType == 4 || callbackType == 5 || callbackType == 6 || callbackType == 7;
      default -> false;
    };
  }

  static Reply invalidForm(String field, String message) {
    ObjectNode o = Json.obj();
    o.put("message", "Invalid Form Body");
    o.put("code", 50035);
    o.putObject("errors")
        .putObject(field)
        .putArray("_errors")
        .addObject()
        .put("code", "BASE_TYPE_INVALID")
        .put("message", message);
    return Reply.json(400, o);
  }

  private ObjectNode buildBotMessage(
      Interaction i, JsonNode data, int extraFlags, boolean original, ArrayNode files) {
    synchronized (world) {
      Channel c = world.channels.get(i.channelId);
      long id = world.ids.next();
      // 20 = CHAT_INPUT_COMMAND for a command's response; components, modals and followups are 0.
      int msgType = original && i.type == APPLICATION_COMMAND ? 20 : 0;
      ObjectNode m =
          Payloads.message(world, id, c, world.bot, data.path("content").asText(""), data, msgType);
      m.put("flags", data.path("flags").asInt(0) | extraFlags);
      m.set("attachments", files);
      Attachments.linkEmbeds(m);
      m.put("webhook_id", Json.id(world.applicationId));
      m.put("application_id", Json.id(world.applicationId));
      m.remove("member");
      ObjectNode meta = m.putObject("interaction_metadata");
      meta.put("id", Json.id(i.id));
      meta.put("type", i.type);
      meta.set("user", Payloads.user(world.users.get(i.userId)));
      meta.putObject("authorizing_integration_owners")
          .put("0", i.guildId == 0 ? "0" : Json.id(i.guildId));
      if (i.type == APPLICATION_COMMAND) {
        meta.put("name", i.name);
        meta.put("command_type", 1);
      }
      world.addMessage(c, world.bot.id, m);
      return m;
    }
  }

  private void announce(String type, Interaction i, ObjectNode m) {
    if ((m.path("flags").asInt() & EPHEMERAL) != 0) {
      return;
    }
    ObjectNode ev = m.deepCopy();
    int intent = i.guildId == 0 ? Gateway.INTENT_DIRECT_MESSAGES : Gateway.INTENT_GUILD_MESSAGES;
    gateway.dispatch(i.guildId, type, intent, ev);
  }

  private ObjectNode createOriginal(Interaction i, JsonNode data, int extraFlags, ArrayNode files) {
    ObjectNode m = buildBotMessage(i, data, extraFlags, true, files);
    i.originalMessageId = Json.snowflake(m, "id");
    announce("MESSAGE_CREATE", i, m);
    return m;
  }

  private ObjectNode updateSource(Interaction i, JsonNode data, ArrayNode files) {
    if (i.sourceMessageId == 0) {
      return null;
    }
    Message msg = world.messages.get(i.sourceMessageId);
    if (msg == null) {
      return null;
    }
    synchronized (world) {
      applyEdit(msg.json, data, files);
      return msg.json.deepCopy();
    }
  }

  /** {@code files}: the message's attachments after the edit, {@code null} to keep them. */
  private void applyEdit(ObjectNode m, JsonNode data, ArrayNode files) {
    for (String f : new String[] {"content", "embeds", "components"}) {
      if (data.has(f)) {
        m.set(f, data.get(f));
      }
    }
    if (files != null) {
      m.set("attachments", files);
    }
    Attachments.linkEmbeds(m);
    int flags = m.path("flags").asInt(0) & ~LOADING;
    if (data.has("flags")) {
      flags = (flags & EPHEMERAL) | data.get("flags").asInt(0);
    }
    m.put("flags", flags);
    m.put("edited_timestamp", Json.iso(clock.millis()));
  }

  // ---------------------------------------------------------------- interaction webhooks

  private Reply checkWebhook(Http.Call call, Interaction[] out) {
    Interaction i = byToken.get(call.param("token"));
    long app = call.snowflake("application_id");
    if (i == null || app != world.applicationId) {
      return Reply.error(404, 10015, "Unknown Webhook");
    }
    if (ageMs(i) > cfg.interactionTokenLifetime().toMillis()) {
      counters.inc("interactions.expired_token");
      record(i, "webhook_rejected", 401, null, 50027);
      return Reply.error(401, 50027, "Invalid Webhook Token");
    }
    if (i.callbackType == null) {
      record(i, "webhook_rejected", 404, null, 10015);
      return Reply.error(404, 10015, "Unknown Webhook");
    }
    out[0] = i;
    return null;
  }

  Reply followup(Http.Call call) {
    Interaction[] h = new Interaction[1];
    Reply err = checkWebhook(call, h);
    if (err != null) {
      return err;
    }
    Interaction i = h[0];
    JsonNode body = call.json();
    synchronized (i) {
      ArrayNode files;
      try {
        files = attachments.resolve(call.form(), body, null, i.channelId);
      } catch (Attachments.Refused r) {
        record(i, "followup_rejected", r.reply.status(), body, r.code);
        return r.reply;
      }
      ObjectNode m = buildBotMessage(i, body, 0, false, files);
      i.followupIds.add(Json.snowflake(m, "id"));
      record(i, "followup", 200, body, null);
      counters.inc("interactions.followups");
      announce("MESSAGE_CREATE", i, m);
      return Reply.ok(m);
    }
  }

  private long resolveMessageId(Interaction i, String which) {
    if ("@original".equals(which)) {
      return i.originalMessageId;
    }
    try {
      long id = Long.parseUnsignedLong(which);
      return id == i.originalMessageId || i.followupIds.contains(id) ? id : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  Reply getMessage(Http.Call call) {
    Interaction[] h = new Interaction[1];
    Reply err = checkWebhook(call, h);
    if (err != null) {
      return err;
    }
    long id = resolveMessageId(h[0], call.param("message_id"));
    Message m = id == 0 ? null : world.messages.get(id);
    if (m == null || m.deleted) {
      return Reply.error(404, 10008, "Unknown Message");
    }
    synchronized (world) {
      return Reply.ok(m.json.deepCopy());
    }
  }

  Reply editMessage(Http.Call call) {
    Interaction[] h = new Interaction[1];
    Reply err = checkWebhook(call, h);
    if (err != null) {
      return err;
    }
    Interaction i = h[0];
    String which = call.param("message_id");
    long id = resolveMessageId(i, which);
    if (id == 0 && "@original".equals(which) && i.sourceMessageId != 0) {
      id = i.sourceMessageId;
    }
    Message m = id == 0 ? null : world.messages.get(id);
    JsonNode body = call.json();
    synchronized (i) {
      if (m == null || m.deleted) {
        record(i, "edit_rejected", 404, body, 10008);
        return Reply.error(404, 10008, "Unknown Message");
      }
      ArrayNode files;
      try {
        files = attachments.resolve(call.form(), body, currentAttachments(id), m.channelId);
      } catch (Attachments.Refused r) {
        record(i, "edit_rejected", r.reply.status(), body, r.code);
        return r.reply;
      }
      ObjectNode copy;
      synchronized (world) {
        applyEdit(m.json, body, files);
        copy = m.json.deepCopy();
      }
      record(i, id == i.originalMessageId ? "edit_original" : "edit_message", 200, body, null);
      counters.inc("interactions.edits");
      announce("MESSAGE_UPDATE", i, copy);
      return Reply.ok(copy);
    }
  }

  Reply deleteMessage(Http.Call call) {
    Interaction[] h = new Interaction[1];
    Reply err = checkWebhook(call, h);
    if (err != null) {
      return err;
    }
    Interaction i = h[0];
    long id = resolveMessageId(i, call.param("message_id"));
    Message m = id == 0 ? null : world.messages.get(id);
    synchronized (i) {
      if (m == null || m.deleted) {
        return Reply.error(404, 10008, "Unknown Message");
      }
      m.deleted = true;
      record(i, "delete_message", 204, null, null);
      ObjectNode ev = Json.obj();
      ev.put("id", Json.id(id));
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

  // ---------------------------------------------------------------- read-back

  Optional<ObjectNode> conversation(long id) {
    Interaction i = byId.get(id);
    if (i == null) {
      return Optional.empty();
    }
    synchronized (i) {
      ObjectNode o = Json.obj();
      o.put("id", Json.id(i.id));
      o.put("token", i.token);
      o.put("type", i.type);
      o.put("name", i.name);
      o.put("created_at", Json.iso(i.createdAtMillis));
      o.put("age_ms", ageMs(i));
      o.put("acknowledged", i.callbackType != null);
      if (i.callbackType == null) {
        o.putNull("callback_type");
      } else {
        o.put("callback_type", i.callbackType);
      }
      synchronized (world) {
        Message orig = world.messages.get(i.originalMessageId);
        if (orig != null && !orig.deleted) {
          o.set("original", orig.json.deepCopy());
        } else {
          o.putNull("original");
        }
        ArrayNode f = o.putArray("followups");
        for (long fid : i.followupIds) {
          Message fm = world.messages.get(fid);
          if (fm != null && !fm.deleted) {
            f.add(fm.json.deepCopy());
          }
        }
      }
      o.set("events", i.events.deepCopy());
      return Optional.of(o);
    }
  }

  /**
   * For latency statistics: {callback µs after creation, last successful response µs after
   * creation} (-1 when absent), or null when the interaction is unknown.
   */
  long[] timings(long id) {
    Interaction i = byId.get(id);
    if (i == null) {
      return null;
    }
    synchronized (i) {
      return new long[] {
        i.callbackNanos < 0 ? -1 : (i.callbackNanos - i.createdNanos) / 1000,
        i.lastResponseNanos < 0 ? -1 : (i.lastResponseNanos - i.createdNanos) / 1000
      };
    }
  }

  /**
   * Builds the {@code member}/{@code user}, channel and permission fields Discord puts in every
   * interaction.
   */
  ObjectNode envelope(long id, String token, int type, Guild g, Channel c, User u) {
    ObjectNode o = Json.obj();
    o.put("id", Json.id(id));
    o.put("application_id", Json.id(world.applicationId));
    o.put("type", type);
    o.put("token", token);
    o.put("version", 1);
    o.put("channel_id", Json.id(c.id));
    ObjectNode ch = Payloads.channel(c);
    o.set("channel", ch);
    o.put("locale", u.locale);
    o.putArray("entitlements");
    o.put("attachment_size_limit", 10_485_760);
    if (g != null) {
      o.put("guild_id", Json.id(g.id));
      o.put("guild_locale", g.locale);
      ObjectNode gj = o.putObject("guild");
      gj.put("id", Json.id(g.id));
      gj.put("locale", g.locale);
      gj.putArray("features");
      ObjectNode member = Payloads.member(world, g.members.get(u.id), true);
      member.put("permissions", Long.toString(world.channelPermissions(g, c, u.id)));
      o.set("member", member);
      o.put("app_permissions", Long.toString(world.channelPermissions(g, c, world.bot.id)));
      o.putObject("authorizing_integration_owners").put("0", Json.id(g.id));
      o.put("context", 0);
    } else {
      o.set("user", Payloads.user(u));
      ArrayNode rec = ch.putArray("recipients");
      rec.add(Payloads.user(u));
      o.put("app_permissions", Long.toString(Permissions.EVERYONE_DEFAULT));
      o.putObject("authorizing_integration_owners").put("0", "0");
      o.put("context", 1);
    }
    return o;
  }
}
