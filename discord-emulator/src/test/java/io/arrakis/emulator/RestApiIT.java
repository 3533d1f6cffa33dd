package io.arrakis.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.emulator.RestClient.Res;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Discord's REST rules: auth, rate-limit headers, interaction deadlines, effects on the world. */
class RestApiIT {
  static DiscordEmulator emu;
  static RestClient rest;
  static long guild;
  static long user;
  static String app;

  @BeforeAll
  static void start() {
    emu =
        DiscordEmulator.start(
            EmulatorConfig.builder().port(0).seedGuilds(2).identifyInterval(Duration.ZERO).build());
    rest = new RestClient(emu);
    guild = emu.control().guildIds().get(0);
    user = emu.control().memberIds(guild).get(0);
    app = Long.toUnsignedString(emu.control().applicationId());
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  private static String id(long v) {
    return Long.toUnsignedString(v);
  }

  private static InteractionRef slash() {
    return emu.control().slashCommand(guild, user, "check", Map.of());
  }

  @Test
  void botRouteWithoutOrWithWrongTokenIs401AndCountsAsInvalid() {
    long before = emu.counters().invalidRequestsTotal();
    Res none = rest.apiNoAuth("GET", "/users/@me", null);
    Res wrong = rest.call("GET", "/api/v10/users/@me", null, "Bot nope");
    assertThat(none.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(none.body().path("message").asText()).isEqualTo("401: Unauthorized");
    assertThat(emu.counters().invalidRequestsTotal()).isEqualTo(before + 2);
    assertThat(emu.counters().invalidRequestsLast10Minutes()).isGreaterThanOrEqualTo(2);
  }

  @Test
  @DisplayName(
      "rate-limit headers and the via header are on every Discord response, errors included")
  void rateLimitHeadersOnEveryResponse() {
    List<Res> all =
        List.of(
            rest.api("GET", "/users/@me", null),
            rest.api("GET", "/guilds/" + id(guild), null),
            rest.api("GET", "/guilds/" + id(guild) + "/members/1", null),
            rest.apiNoAuth("GET", "/users/@me", null));
    for (Res r : all) {
      assertThat(r.header("x-ratelimit-limit")).as("limit on " + r.status()).isNotNull();
      assertThat(r.header("x-ratelimit-remaining")).isNotNull();
      assertThat(r.header("x-ratelimit-reset")).isNotNull();
      assertThat(r.header("x-ratelimit-reset-after")).isNotNull();
      assertThat(r.header("x-ratelimit-bucket")).isNotNull();
      assertThat(r.header("via")).isEqualTo("1.1 google");
    }
    assertThat(all.get(2).status()).isEqualTo(404);
    assertThat(all.get(2).body().path("code").asInt()).isEqualTo(10007);
  }

  @Test
  void readRoutesAndPercentEncodedPathsWork() {
    Res me = rest.call("GET", "/api/v10/users/%40me", null, "Bot " + emu.config().token());
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().path("bot").asBoolean()).isTrue();
    assertThat(rest.call("GET", "/api/gateway", null, null).body().path("url").asText())
        .isEqualTo(emu.gatewayUrl());
    JsonNode gb = rest.api("GET", "/gateway/bot", null).body();
    assertThat(gb.path("session_start_limit").path("max_concurrency").asInt()).isEqualTo(1);
    assertThat(rest.api("GET", "/users/@me/guilds", null).body()).hasSize(2);
    assertThat(
            rest.api("GET", "/guilds/" + id(guild) + "/channels", null)
                .body()
                .findValuesAsText("name"))
        .contains("general");
    assertThat(
            rest.api("GET", "/guilds/" + id(guild) + "/roles", null)
                .body()
                .findValuesAsText("name"))
        .contains("@everyone", "Naib");
    assertThat(
            rest.api("GET", "/guilds/" + id(guild) + "/members/" + id(user), null)
                .body()
                .path("user")
                .path("id")
                .asText())
        .isEqualTo(id(user));
    assertThat(rest.api("GET", "/applications/@me", null).body().path("id").asText())
        .isEqualTo(app);
  }

  @Test
  @DisplayName("a callback later than 3 s gets 404 / 10062")
  void lateCallbackIsUnknownInteraction() {
    InteractionRef ref = slash();
    emu.control().advanceClock(3_100);
    Res r = callback(ref, 4, "too late");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body().path("code").asInt()).isEqualTo(10062);
    assertThat(emu.control().conversation(ref.id()).orElseThrow().path("acknowledged").asBoolean())
        .isFalse();
  }

  @Test
  @DisplayName("a second callback gets 400 / 40060 and the first one stands")
  void secondCallbackIsAlreadyAcknowledged() {
    InteractionRef ref = slash();
    assertThat(callback(ref, 4, "first").status()).isEqualTo(204);
    Res second = callback(ref, 4, "second");
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.body().path("code").asInt()).isEqualTo(40060);
    JsonNode conv = emu.control().conversation(ref.id()).orElseThrow();
    assertThat(conv.path("original").path("content").asText()).isEqualTo("first");
    assertThat(conv.path("events").findValuesAsText("kind"))
        .containsExactly("callback", "callback_rejected");
  }

  @Test
  @DisplayName("interaction webhooks work without a token for 15 min, then 401 / 50027")
  void followupAfterFifteenMinutesIsInvalidWebhookToken() {
    InteractionRef ref = slash();
    Res cb =
        rest.call(
            "POST",
            "/api/v10/interactions/"
                + ref.idString()
                + "/"
                + ref.token()
                + "/callback?with_response=true",
            Map.of("type", 5),
            null);
    assertThat(cb.status()).isEqualTo(200);
    assertThat(cb.body().path("interaction").path("response_message_loading").asBoolean()).isTrue();
    Res edit =
        rest.apiNoAuth(
            "PATCH",
            "/webhooks/" + app + "/" + ref.token() + "/messages/%40original",
            Map.of("content", "done"));
    assertThat(edit.status()).isEqualTo(200);
    assertThat(edit.body().path("content").asText()).isEqualTo("done");
    assertThat(edit.body().path("flags").asInt() & 128).as("no longer loading").isZero();
    Res follow =
        rest.apiNoAuth(
            "POST",
            "/webhooks/" + app + "/" + ref.token() + "?wait=true",
            Map.of("content", "more", "flags", 64));
    assertThat(follow.status()).isEqualTo(200);
    String followId = follow.body().path("id").asText();
    assertThat(
            rest.apiNoAuth(
                    "GET", "/webhooks/" + app + "/" + ref.token() + "/messages/" + followId, null)
                .status())
        .isEqualTo(200);
    assertThat(
            rest.apiNoAuth(
                    "DELETE",
                    "/webhooks/" + app + "/" + ref.token() + "/messages/" + followId,
                    null)
                .status())
        .isEqualTo(204);

    emu.control().advanceClock(15 * 60 * 1000 + 1_000);
    Res late =
        rest.apiNoAuth(
            "POST", "/webhooks/" + app + "/" + ref.token(), Map.of("content", "too late"));
    assertThat(late.status()).isEqualTo(401);
    assertThat(late.body().path("code").asInt()).isEqualTo(50027);
    JsonNode kinds = emu.control().conversation(ref.id()).orElseThrow().path("events");
    assertThat(kinds.findValuesAsText("kind"))
        .containsExactly(
            "callback", "edit_original", "followup", "delete_message", "webhook_rejected");
  }

  @Test
  void invalidJsonBodyIs400With50109() {
    Res r =
        rest.api(
            "POST",
            "/channels/" + id(emu.control().channelId(guild, "general")) + "/messages",
            "{not json");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("code").asInt()).isEqualTo(50109);
  }

  @Test
  void followupBeforeAcknowledgementIsUnknownWebhook() {
    InteractionRef ref = slash();
    Res r =
        rest.apiNoAuth("POST", "/webhooks/" + app + "/" + ref.token(), Map.of("content", "early"));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body().path("code").asInt()).isEqualTo(10015);
  }

  @Test
  void callbackTypeMustFitTheInteraction() {
    InteractionRef ref = slash();
    Res r = callback(ref, 7, "update message on a slash command");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("code").asInt()).isEqualTo(50035);
  }

  @Test
  @DisplayName(
      "member role PUT/DELETE change the guild and emit GUILD_MEMBER_UPDATE on the guild's shard")
  void roleChangesAreRealAndAnnounced() throws Exception {
    long fedaykin = emu.control().roleId(guild, "Fedaykin");
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      c.nextOp(10);
      c.identify(emu.config().token(), 0, 1, GatewayClient.WITH_MEMBERS);
      c.nextDispatch("READY");
      String path = "/guilds/" + id(guild) + "/members/" + id(user) + "/roles/" + id(fedaykin);
      assertThat(rest.api("PUT", path, null).status()).isEqualTo(204);
      assertThat(emu.control().memberRoles(guild, user)).contains(fedaykin);
      JsonNode upd = c.nextDispatch("GUILD_MEMBER_UPDATE").path("d");
      assertThat(upd.path("guild_id").asText()).isEqualTo(id(guild));
      assertThat(upd.path("user").path("id").asText()).isEqualTo(id(user));
      assertThat(upd.path("roles").findValuesAsText("")).isEmpty();
      assertThat(upd.path("roles").toString()).contains(id(fedaykin));
      assertThat(rest.api("DELETE", path, null).status()).isEqualTo(204);
      assertThat(emu.control().memberRoles(guild, user)).doesNotContain(fedaykin);
      assertThat(c.nextDispatch("GUILD_MEMBER_UPDATE").path("d").path("roles").toString())
          .doesNotContain(id(fedaykin));
    }
  }

  @Test
  void roleAboveTheBotsHighestRoleIs403MissingPermissions() {
    long admin = emu.control().roleId(guild, "Admin");
    Res r =
        rest.api(
            "PUT", "/guilds/" + id(guild) + "/members/" + id(user) + "/roles/" + id(admin), null);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body().path("code").asInt()).isEqualTo(50013);
    assertThat(emu.control().memberRoles(guild, user)).doesNotContain(admin);
  }

  @Test
  void dmsAndChannelMessagesAreRecorded() {
    Res dm = rest.api("POST", "/users/@me/channels", Map.of("recipient_id", id(user)));
    assertThat(dm.status()).isEqualTo(200);
    assertThat(dm.body().path("type").asInt()).isEqualTo(1);
    String dmId = dm.body().path("id").asText();
    assertThat(
            rest.api("POST", "/channels/" + dmId + "/messages", Map.of("content", "hello"))
                .status())
        .isEqualTo(200);
    assertThat(emu.control().directMessages(user).findValuesAsText("content"))
        .containsExactly("hello");

    long closedUser = emu.control().memberIds(guild).get(1);
    emu.control().updateUser(closedUser, Json.obj().put("dms_open", false));
    String closedDm =
        rest.api("POST", "/users/@me/channels", Map.of("recipient_id", id(closedUser)))
            .body()
            .path("id")
            .asText();
    Res refused =
        rest.api("POST", "/channels/" + closedDm + "/messages", Map.of("content", "hello"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body().path("code").asInt()).isEqualTo(50007);

    long general = emu.control().channelId(guild, "general");
    assertThat(
            rest.api("POST", "/channels/" + id(general) + "/messages", Map.of("content", "gm"))
                .status())
        .isEqualTo(200);
    assertThat(emu.control().channelMessages(general).findValuesAsText("content")).contains("gm");
    assertThat(
            rest.api("POST", "/channels/" + id(general) + "/messages", Map.of("content", ""))
                .status())
        .isEqualTo(400);
  }

  @Test
  @DisplayName(
      "PUT commands stores Discord-shaped definitions, keeps ids by name, GET returns them")
  void commandsAreStoredLikeDiscord() {
    String path = "/applications/" + app + "/guilds/" + id(guild) + "/commands";
    Res put =
        rest.api("PUT", path, List.of(Map.of("name", "check", "description", "Check eligibility")));
    assertThat(put.status()).isEqualTo(200);
    String firstId = put.body().get(0).path("id").asText();
    assertThat(put.body().get(0).path("application_id").asText()).isEqualTo(app);
    assertThat(put.body().get(0).path("guild_id").asText()).isEqualTo(id(guild));
    assertThat(put.body().get(0).path("type").asInt()).isEqualTo(1);
    Res again =
        rest.api(
            "PUT",
            path,
            List.of(
                Map.of("name", "check", "description", "v2"),
                Map.of("name", "rank", "description", "Rank")));
    assertThat(again.body().get(0).path("id").asText()).isEqualTo(firstId);
    Res get = rest.api("GET", path, null);
    assertThat(get.body().findValuesAsText("name")).containsExactly("check", "rank");
    assertThat(
            rest.api(
                    "PUT",
                    "/applications/" + app + "/commands",
                    List.of(Map.of("name", "global", "description", "g")))
                .status())
        .isEqualTo(200);
    assertThat(
            rest.api("GET", "/applications/" + app + "/commands", null)
                .body()
                .findValuesAsText("name"))
        .containsExactly("global");
    long otherGuild = emu.control().guildIds().get(1);
    String otherPath = "/applications/" + app + "/guilds/" + id(otherGuild) + "/commands";
    assertThat(rest.api("PUT", otherPath, List.of(Map.of("description", "no name"))).status())
        .isEqualTo(400);
    assertThat(rest.api("PUT", path, List.of()).status())
        .as("third PUT within 20 s")
        .isEqualTo(429);
  }

  @Test
  @DisplayName(
      "an exhausted bucket answers 429 with retry_after, scope, Retry-After; retrying early is noticed")
  void bucketLimitGives429() {
    try (DiscordEmulator e = DiscordEmulator.start(EmulatorConfig.builder().port(0).build())) {
      RestClient rest = new RestClient(e);
      e.control().rateLimit("guild_roles", 2, 60_000);
      String path = "/guilds/" + id(e.control().guildIds().get(0)) + "/roles";
      assertThat(rest.api("GET", path, null).header("x-ratelimit-remaining")).isEqualTo("1");
      assertThat(rest.api("GET", path, null).header("x-ratelimit-remaining")).isEqualTo("0");
      long early = e.counters().get("rest.early_retries");
      Res limited = rest.api("GET", path, null);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.body().path("retry_after").asDouble()).isPositive();
      assertThat(limited.body().path("global").asBoolean()).isFalse();
      assertThat(limited.header("retry-after")).isNotNull();
      assertThat(limited.header("x-ratelimit-scope")).isEqualTo("user");
      assertThat(rest.api("GET", path, null).status()).isEqualTo(429);
      assertThat(e.counters().get("rest.early_retries")).isEqualTo(early + 1);
      assertThat(e.counters().get("rest.429")).isEqualTo(2);
    }
  }

  @Test
  void globalLimitAppliesToBotRoutesButNotToInteractionWebhooks() {
    try (DiscordEmulator e =
        DiscordEmulator.start(EmulatorConfig.builder().port(0).globalRateLimit(3).build())) {
      RestClient r = new RestClient(e);
      long g = e.control().guildIds().get(0);
      // Different routes and users, so only the global limit (3/s) can refuse them.
      Res limited = null;
      for (int i = 0; i < 50 && limited == null; i++) {
        Res res = r.api("GET", "/users/" + id(e.control().memberIds(g).get(i % 2)), null);
        if (res.status() == 429) {
          limited = res;
        } else {
          assertThat(res.status()).isEqualTo(200);
        }
      }
      assertThat(limited).as("a global 429 within 50 requests at 3/s").isNotNull();
      assertThat(limited.body().path("global").asBoolean()).isTrue();
      assertThat(limited.header("x-ratelimit-global")).isEqualTo("true");
      assertThat(limited.header("x-ratelimit-scope")).isEqualTo("global");
      assertThat(e.counters().get("rest.429_global")).isPositive();
      InteractionRef ref =
          e.control().slashCommand(g, e.control().memberIds(g).get(0), "x", Map.of());
      Res cb =
          r.apiNoAuth(
              "POST",
              "/interactions/" + ref.idString() + "/" + ref.token() + "/callback",
              Map.of("type", 5));
      assertThat(cb.status()).isEqualTo(204);
    }
  }

  @Test
  void injectedServerErrorAndLatencyFaults() {
    emu.control().restFault("GET", "/users/@me", 503, 0, 0, false, 1);
    assertThat(rest.api("GET", "/users/@me", null).status()).isEqualTo(503);
    assertThat(rest.api("GET", "/users/@me", null).status()).isEqualTo(200);
    emu.control().restFault(null, "/applications/*", 0, 50, 0, false, 1);
    Res slow = rest.api("GET", "/applications/@me", null);
    assertThat(slow.status()).isEqualTo(200);
    assertThat(emu.counters().get("rest.5xx_injected")).isEqualTo(1);
  }

  private static Res callback(InteractionRef ref, int type, String content) {
    ObjectNode body = Json.obj();
    body.put("type", type);
    body.putObject("data").put("content", content);
    return rest.apiNoAuth(
        "POST", "/interactions/" + ref.idString() + "/" + ref.token() + "/callback", body);
  }
}
