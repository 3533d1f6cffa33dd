package io.arrakis.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.emulator.Http.Call;
import io.arrakis.emulator.Http.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The HTTP control API under {@code /_emulator/…}; a thin JSON mapping onto {@link
 * EmulatorControl}.
 */
final class ControlApi {
  private final EmulatorControl c;
  private final Router router = new Router();

  ControlApi(EmulatorControl control) {
    this.c = control;
    // world
    get(
        "/world",
        x ->
            Reply.ok(
                c.describeWorld(
                    Integer.parseInt(x.query.getOrDefault("offset", "0")),
                    Integer.parseInt(x.query.getOrDefault("limit", "100")))));
    post("/users", x -> Reply.ok(c.createUser(x.json())));
    route(
        "PATCH", "/users/{user_id}", x -> Reply.ok(c.updateUser(x.snowflake("user_id"), x.json())));
    post("/guilds", x -> Reply.ok(c.createGuild(x.json())));
    get("/guilds/{guild_id}", x -> Reply.ok(c.describeGuild(x.snowflake("guild_id"))));
    route(
        "DELETE",
        "/guilds/{guild_id}",
        x -> {
          c.removeGuild(x.snowflake("guild_id"));
          return Reply.noContent();
        });
    post(
        "/guilds/{guild_id}/roles", x -> Reply.ok(c.createRole(x.snowflake("guild_id"), x.json())));
    post(
        "/guilds/{guild_id}/channels",
        x -> Reply.ok(c.createChannel(x.snowflake("guild_id"), x.json())));
    post(
        "/guilds/{guild_id}/members",
        x -> Reply.ok(c.addMember(x.snowflake("guild_id"), x.json())));
    route(
        "PATCH",
        "/guilds/{guild_id}/members/{user_id}",
        x -> Reply.ok(c.updateMember(x.snowflake("guild_id"), x.snowflake("user_id"), x.json())));
    route(
        "DELETE",
        "/guilds/{guild_id}/members/{user_id}",
        x -> {
          c.removeMember(x.snowflake("guild_id"), x.snowflake("user_id"));
          return Reply.noContent();
        });
    get(
        "/guilds/{guild_id}/members/{user_id}/roles",
        x -> {
          var a = Json.arr();
          c.memberRoles(x.snowflake("guild_id"), x.snowflake("user_id"))
              .forEach(r -> a.add(Json.id(r)));
          return Reply.ok(a);
        });
    get("/commands", x -> Reply.ok(c.commands(0)));
    get("/guilds/{guild_id}/commands", x -> Reply.ok(c.commands(x.snowflake("guild_id"))));
    // users acting
    post("/interactions/slash", x -> ref(c.slashCommand(x.json())));
    post("/interactions/autocomplete", x -> ref(c.autocomplete(x.json())));
    post("/interactions/button", x -> ref(c.button(x.json())));
    post("/interactions/select", x -> ref(c.select(x.json())));
    post("/interactions/modal", x -> ref(c.modalSubmit(x.json())));
    post("/messages", x -> ref(c.message(x.json())));
    post("/reactions", x -> ref(c.reaction(x.json())));
    // read-back
    get(
        "/interactions/{interaction_id}",
        x ->
            c.conversation(x.snowflake("interaction_id"))
                .map(Reply::ok)
                .orElseGet(() -> Reply.error(404, 0, "unknown interaction")));
    get(
        "/channels/{channel_id}/messages",
        x -> Reply.ok(c.channelMessages(x.snowflake("channel_id"))));
    get("/users/{user_id}/dms", x -> Reply.ok(c.directMessages(x.snowflake("user_id"))));
    get("/attachments/{attachment_id}", this::attachment);
    get("/counters", x -> Reply.ok(c.counters()));
    get("/gateway/sessions", x -> Reply.ok(c.sessions()));
    // faults
    post("/gateway/shards/{shard}/drop", x -> count(c.dropShard(shard(x))));
    post(
        "/gateway/shards/{shard}/reconnect",
        x -> count(c.reconnectShard(shard(x), x.json().path("grace_ms").asLong(10_000))));
    post(
        "/gateway/shards/{shard}/invalidate",
        x -> count(c.invalidateSession(shard(x), x.json().path("resumable").asBoolean(false))));
    post("/gateway/shards/{shard}/heartbeat-request", x -> count(c.requestHeartbeat(shard(x))));
    post(
        "/gateway/refuse",
        x -> {
          c.refuseConnections(x.json().path("duration_ms").asLong(5000));
          return Reply.noContent();
        });
    post(
        "/faults/rest",
        x -> {
          JsonNode j = x.json();
          c.restFault(
              j.hasNonNull("method") ? j.get("method").asText() : null,
              j.path("route").asText("*"),
              j.path("status").asInt(0),
              j.path("latency_ms").asLong(0),
              j.path("retry_after").asDouble(1.0),
              j.path("global").asBoolean(false),
              j.path("count").asInt(1));
          return Reply.ok(c.faults());
        });
    get("/faults", x -> Reply.ok(c.faults()));
    route(
        "DELETE",
        "/faults",
        x -> {
          c.clearFaults();
          return Reply.noContent();
        });
    post(
        "/ratelimits",
        x -> {
          JsonNode j = x.json();
          if (j.has("global_per_second")) {
            c.globalRateLimit(j.get("global_per_second").asInt());
          }
          if (j.has("family")) {
            c.rateLimit(
                j.get("family").asText(),
                j.path("limit").asInt(1),
                j.path("window_ms").asLong(1000));
          }
          return Reply.noContent();
        });
    post(
        "/clock/advance",
        x -> {
          c.advanceClock(x.json().path("ms").asLong(0));
          return Reply.noContent();
        });
    // load
    post(
        "/load",
        x -> {
          JsonNode j = x.json();
          Map<String, Integer> mix = new LinkedHashMap<>();
          j.path("mix").fields().forEachRemaining(e -> mix.put(e.getKey(), e.getValue().asInt()));
          List<LoadGenerator.Stage> stages =
              "plan".equals(j.path("profile").asText(null))
                  ? LoadGenerator.planProfile(j.path("scale").asDouble(1.0))
                  : LoadGenerator.stages(j.get("stages"));
          List<JsonNode> commands = new java.util.ArrayList<>();
          j.path("commands").forEach(commands::add);
          int id = c.startLoadStages(stages, mix, j.path("max_backlog").asInt(20_000), commands);
          ObjectNode o = Json.obj();
          o.put("run_id", id);
          return Reply.json(202, o);
        });
    get(
        "/load/{run_id}",
        x ->
            c.loadSummary(runId(x))
                .map(Reply::ok)
                .orElseGet(() -> Reply.error(404, 0, "unknown run")));
    get(
        "/load/{run_id}/ledger",
        x ->
            c.loadLedger(runId(x))
                .map(
                    b ->
                        new Reply(200, b, new LinkedHashMap<>())
                            .header("Content-Type", "application/x-ndjson"))
                .orElseGet(() -> Reply.error(404, 0, "unknown run")));
    post(
        "/load/{run_id}/stop",
        x -> c.stopLoad(runId(x)) ? Reply.noContent() : Reply.error(404, 0, "unknown run"));
  }

  /** An uploaded file's bytes, with the content type it was uploaded with. */
  private Reply attachment(Call x) {
    return c.attachmentInfo(x.snowflake("attachment_id"))
        .map(
            a ->
                new Reply(200, a.data().clone(), new LinkedHashMap<>())
                    .header("Content-Type", a.contentType())
                    .header("Content-Disposition", "inline; filename=\"" + a.filename() + "\""))
        .orElseGet(() -> Reply.error(404, 0, "unknown attachment"));
  }

  private static int runId(Call x) {
    return Integer.parseInt(x.param("run_id"));
  }

  private static int shard(Call x) {
    return Integer.parseInt(x.param("shard"));
  }

  private static Reply count(int n) {
    return Reply.ok(Json.obj().put("affected", n));
  }

  private static Reply ref(InteractionRef r) {
    ObjectNode o = Json.obj();
    o.put("id", Json.id(r.id()));
    if (r.token() != null) {
      o.put("token", r.token());
    }
    o.put("shard", r.shard());
    o.put("seq", r.seq());
    return Reply.ok(o);
  }

  private void get(String t, Function<Call, Reply> h) {
    route("GET", t, h);
  }

  private void post(String t, Function<Call, Reply> h) {
    route("POST", t, h);
  }

  private void route(String m, String t, Function<Call, Reply> h) {
    router.add(m, t, h);
  }

  Reply handle(Call call) {
    boolean[] exists = new boolean[1];
    Router.Route r = router.match(call, exists);
    if (r == null) {
      return Reply.error(exists[0] ? 405 : 404, 0, "no such control route: " + call.path());
    }
    try {
      return r.handler().apply(call);
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      return Reply.error(400, 0, String.valueOf(e.getMessage()));
    }
  }
}
