package io.arrakis.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The gateway protocol, checked with an independent client over a real loopback socket. */
class GatewayProtocolIT {
  static DiscordEmulator emu;
  static final String TOKEN = EmulatorConfig.DEFAULT_TOKEN;

  @BeforeAll
  static void start() {
    emu =
        DiscordEmulator.start(
            EmulatorConfig.builder()
                .port(0)
                .seedGuilds(6)
                .identifyInterval(Duration.ZERO)
                .maxConcurrency(16)
                .build());
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  private static JsonNode ready(GatewayClient c, int shard, int shards) throws Exception {
    assertThat(c.nextOp(10).path("d").path("heartbeat_interval").asLong()).isPositive();
    c.identify(TOKEN, shard, shards, GatewayClient.WITH_MEMBERS);
    return c.nextDispatch("READY");
  }

  @Test
  @DisplayName("IDENTIFY on shard 1 of 3 gets READY and one GUILD_CREATE per guild of that shard")
  void identifyGetsReadyAndOnlyItsGuilds() throws Exception {
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      JsonNode ready = ready(c, 1, 3);
      JsonNode d = ready.path("d");
      assertThat(ready.path("s").asLong()).isEqualTo(1);
      assertThat(d.path("shard").toString()).isEqualTo("[1,3]");
      assertThat(d.path("resume_gateway_url").asText())
          .isEqualTo(emu.gatewayUrl())
          .doesNotContain("?");
      assertThat(d.path("session_id").asText()).isNotBlank();
      assertThat(d.path("application").path("id").asText())
          .isEqualTo(Long.toUnsignedString(emu.config().applicationId()));
      List<Long> expected = emu.control().guildIdsOnShard(1, 3);
      assertThat(expected).hasSize(2);
      List<Long> unavailable = new ArrayList<>();
      d.path("guilds")
          .forEach(
              g -> {
                assertThat(g.path("unavailable").asBoolean()).isTrue();
                unavailable.add(Long.parseUnsignedLong(g.path("id").asText()));
              });
      assertThat(unavailable).containsExactlyInAnyOrderElementsOf(expected);
      List<Long> created = new ArrayList<>();
      for (int i = 0; i < expected.size(); i++) {
        JsonNode gc = c.nextDispatch("GUILD_CREATE");
        assertThat(gc.path("s").asLong()).isEqualTo(2 + i);
        created.add(Long.parseUnsignedLong(gc.path("d").path("id").asText()));
        assertThat(gc.path("d").path("members")).isNotEmpty();
        assertThat(gc.path("d").path("channels")).isNotEmpty();
      }
      assertThat(created).containsExactlyInAnyOrderElementsOf(expected);
      for (long g : created) {
        assertThat(Snowflakes.shardOf(g, 3)).isEqualTo(1);
      }
    }
  }

  @Test
  void heartbeatIsAcknowledged() throws Exception {
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      c.nextOp(10);
      c.heartbeat(null);
      assertThat(c.nextOp(11).path("op").asInt()).isEqualTo(11);
    }
  }

  @Test
  void wrongTokenClosesWith4004() throws Exception {
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      c.nextOp(10);
      c.identify("not-the-token", 0, 1, GatewayClient.ALL_NON_PRIVILEGED);
      assertThat(c.awaitClose()).isEqualTo(4004);
    }
  }

  @Test
  void undefinedIntentBitClosesWith4013() throws Exception {
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      c.nextOp(10);
      c.identify(TOKEN, 0, 1, 1 << 30);
      assertThat(c.awaitClose()).isEqualTo(4013);
    }
  }

  @Test
  void shardOutOfRangeClosesWith4010() throws Exception {
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      c.nextOp(10);
      c.identify(TOKEN, 3, 3, GatewayClient.ALL_NON_PRIVILEGED);
      assertThat(c.awaitClose()).isEqualTo(4010);
    }
  }

  @Test
  void unknownOpcodeClosesWith4001AndGarbageWith4002() throws Exception {
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      c.nextOp(10);
      c.sendRaw("{\"op\":42,\"d\":null}");
      assertThat(c.awaitClose()).isEqualTo(4001);
    }
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      c.nextOp(10);
      c.sendRaw("this is not json");
      assertThat(c.awaitClose()).isEqualTo(4002);
    }
  }

  @Test
  void nonsenseInAValidPayloadClosesWith4000() throws Exception {
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      ready(c, 0, 1);
      c.sendRaw("{\"op\":8,\"d\":{\"guild_id\":\"not-a-snowflake\",\"query\":\"\",\"limit\":0}}");
      assertThat(c.awaitClose()).isEqualTo(4000);
    }
  }

  @Test
  void presenceBeforeIdentifyClosesWith4003() throws Exception {
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      c.nextOp(10);
      c.sendRaw("{\"op\":3,\"d\":{\"status\":\"online\",\"afk\":false,\"activities\":[]}}");
      assertThat(c.awaitClose()).isEqualTo(4003);
    }
  }

  @Test
  void secondIdentifyOnSameConnectionClosesWith4005() throws Exception {
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      ready(c, 0, 1);
      c.identify(TOKEN, 0, 1, GatewayClient.ALL_NON_PRIVILEGED);
      assertThat(c.awaitClose()).isEqualTo(4005);
    }
  }

  @Test
  void unsupportedApiVersionClosesWith4012() throws Exception {
    try (GatewayClient c = GatewayClient.connectRaw(emu.gatewayUrl() + "?v=6&encoding=json")) {
      assertThat(c.awaitClose()).isEqualTo(4012);
    }
  }

  @Test
  @DisplayName("more than 120 sends in 60 s closes with 4008")
  void sendLimitClosesWith4008() throws Exception {
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      c.nextOp(10);
      for (int i = 0; i < 121; i++) {
        c.heartbeat(null);
      }
      assertThat(c.awaitClose()).isEqualTo(4008);
    }
  }

  @Test
  @DisplayName("RESUME after an abnormal drop replays what was dispatched meanwhile, then RESUMED")
  void resumeReplaysMissedDispatches() throws Exception {
    long guild = emu.control().guildIdsOnShard(0, 1).get(0);
    String session;
    long lastSeq;
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      JsonNode ready = ready(c, 0, 1);
      session = ready.path("d").path("session_id").asText();
      for (int i = 0; i < 6; i++) {
        c.nextDispatch("GUILD_CREATE");
      }
      lastSeq = 7;
      c.abort();
    }
    awaitDisconnected(session);
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sent.add(message(guild, "while away " + i).idString());
    }
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      c.nextOp(10);
      c.resume(TOKEN, session, lastSeq);
      List<String> replayed = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        JsonNode m = c.next();
        assertThat(m.path("t").asText()).isEqualTo("MESSAGE_CREATE");
        assertThat(m.path("s").asLong()).isEqualTo(lastSeq + 1 + i);
        replayed.add(m.path("d").path("id").asText());
      }
      assertThat(replayed).containsExactlyElementsOf(sent);
      JsonNode resumed = c.next();
      assertThat(resumed.path("t").asText()).isEqualTo("RESUMED");
      assertThat(resumed.path("s").asLong()).isEqualTo(lastSeq + 4);
    }
  }

  @Test
  void sessionClosedWith1000CannotBeResumed() throws Exception {
    String session;
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      session = ready(c, 0, 1).path("d").path("session_id").asText();
      c.close(1000);
      c.awaitClose();
    }
    awaitGone(session);
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      c.nextOp(10);
      c.resume(TOKEN, session, 1);
      JsonNode inv = c.nextOp(9);
      assertThat(inv.path("d").asBoolean()).isFalse();
    }
  }

  @Test
  void resumeWithFutureSeqClosesWith4007() throws Exception {
    String session;
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      session = ready(c, 0, 1).path("d").path("session_id").asText();
      c.abort();
    }
    awaitDisconnected(session);
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      c.nextOp(10);
      c.resume(TOKEN, session, 10_000);
      assertThat(c.awaitClose()).isEqualTo(4007);
    }
  }

  @Test
  @DisplayName("zlib-stream: binary frames of one deflate stream, each ending in 00 00 ff ff")
  void zlibStreamFramesEndWithSyncFlushMarker() throws Exception {
    try (GatewayClient c = GatewayClient.connect(emu, true)) {
      ready(c, 0, 2);
      c.nextDispatch("GUILD_CREATE");
      c.heartbeat(3L);
      c.nextOp(11);
      List<byte[]> frames;
      synchronized (c.rawBinaryFrames) {
        frames = new ArrayList<>(c.rawBinaryFrames);
      }
      assertThat(frames).hasSizeGreaterThanOrEqualTo(4);
      assertThat(frames.get(0)[0]).isEqualTo((byte) 0x78);
      for (byte[] f : frames) {
        assertThat(f).endsWith(0x00, 0x00, (byte) 0xff, (byte) 0xff);
      }
    }
  }

  @Test
  @DisplayName("control: op 7, op 1 and op 9 reach the shard; op 9 false ends the session")
  void controlOpcodesReachTheShard() throws Exception {
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      String session = ready(c, 1, 2).path("d").path("session_id").asText();
      assertThat(emu.control().reconnectShard(1, 0)).isEqualTo(1);
      assertThat(c.nextOp(7).path("d").isNull()).isTrue();
      assertThat(emu.control().requestHeartbeat(1)).isEqualTo(1);
      assertThat(c.nextOp(1).path("op").asInt()).isEqualTo(1);
      assertThat(emu.control().invalidateSession(1, false)).isEqualTo(1);
      assertThat(c.nextOp(9).path("d").asBoolean()).isFalse();
      assertThat(emu.control().sessions().findValuesAsText("session_id")).doesNotContain(session);
    }
  }

  @Test
  void refusedConnectionsFailTheHandshake() {
    emu.control().refuseConnections(60_000);
    try {
      assertThatThrownBy(() -> GatewayClient.connect(emu, false)).isNotNull();
    } finally {
      emu.control().clearFaults();
    }
  }

  @Test
  @DisplayName("a connection that stops heartbeating is closed with 4009 and its session ends")
  void zombieConnectionIsClosed() throws Exception {
    try (DiscordEmulator fast =
            DiscordEmulator.start(
                EmulatorConfig.builder()
                    .port(0)
                    .identifyInterval(Duration.ZERO)
                    .heartbeatInterval(Duration.ofMillis(100))
                    .zombieTimeout(Duration.ofMillis(300))
                    .build());
        GatewayClient c = GatewayClient.connect(fast, false)) {
      assertThat(c.nextOp(10).path("d").path("heartbeat_interval").asInt()).isEqualTo(100);
      c.identify(TOKEN, 0, 1, GatewayClient.ALL_NON_PRIVILEGED);
      c.nextDispatch("READY");
      assertThat(c.awaitClose()).isEqualTo(4009);
      assertThat(fast.counters().get("gateway.zombies")).isPositive();
    }
  }

  @Test
  @DisplayName("identifies faster than max_concurrency allows get INVALID_SESSION false")
  void identifyConcurrencyIsEnforced() throws Exception {
    try (DiscordEmulator strict =
            DiscordEmulator.start(
                EmulatorConfig.builder()
                    .port(0)
                    .maxConcurrency(1)
                    .identifyInterval(Duration.ofSeconds(30))
                    .build());
        GatewayClient a = GatewayClient.connect(strict, false);
        GatewayClient b = GatewayClient.connect(strict, false)) {
      a.nextOp(10);
      b.nextOp(10);
      a.identify(TOKEN, 0, 2, GatewayClient.ALL_NON_PRIVILEGED);
      a.nextDispatch("READY");
      b.identify(TOKEN, 1, 2, GatewayClient.ALL_NON_PRIVILEGED);
      assertThat(b.nextOp(9).path("d").asBoolean()).isFalse();
    }
  }

  @Test
  void disallowedPrivilegedIntentClosesWith4014AndOversizedShardWith4011() throws Exception {
    try (DiscordEmulator e =
            DiscordEmulator.start(
                EmulatorConfig.builder()
                    .port(0)
                    .seedGuilds(3)
                    .maxGuildsPerShard(2)
                    .allowedPrivilegedIntents(0)
                    .identifyInterval(Duration.ZERO)
                    .build());
        GatewayClient a = GatewayClient.connect(e, false);
        GatewayClient b = GatewayClient.connect(e, false)) {
      a.nextOp(10);
      a.identify(TOKEN, 0, 2, GatewayClient.WITH_MEMBERS);
      assertThat(a.awaitClose()).isEqualTo(4014);
      b.nextOp(10);
      b.identify(TOKEN, 0, 1, GatewayClient.ALL_NON_PRIVILEGED);
      assertThat(b.awaitClose()).isEqualTo(4011);
    }
  }

  @Test
  @DisplayName(
      "without MESSAGE_CONTENT a user's message arrives with empty content, unless it mentions the bot")
  void messageContentIntentIsPrivileged() throws Exception {
    int withContent = GatewayClient.ALL_NON_PRIVILEGED | (1 << 15);
    try (GatewayClient plain = GatewayClient.connect(emu, false);
        GatewayClient full = GatewayClient.connect(emu, false)) {
      plain.nextOp(10);
      plain.identify(TOKEN, 0, 2, GatewayClient.ALL_NON_PRIVILEGED);
      plain.nextDispatch("READY");
      full.nextOp(10);
      full.identify(TOKEN, 0, 2, withContent);
      full.nextDispatch("READY");
      long guild = emu.control().guildIdsOnShard(0, 2).get(0);
      message(guild, "secret");
      assertThat(plain.nextDispatch("MESSAGE_CREATE").path("d").path("content").asText()).isEmpty();
      assertThat(full.nextDispatch("MESSAGE_CREATE").path("d").path("content").asText())
          .isEqualTo("secret");
      var req = Json.obj();
      req.put("guild_id", Long.toUnsignedString(guild));
      req.put("content", "hey bot");
      req.putArray("mentions").add(Long.toUnsignedString(emu.control().botUserId()));
      emu.control().message(req);
      assertThat(plain.nextDispatch("MESSAGE_CREATE").path("d").path("content").asText())
          .isEqualTo("hey bot");
    }
  }

  @Test
  @DisplayName("the session-start budget is spent by identifies; when exhausted identify gets op 9")
  void sessionStartBudget() throws Exception {
    try (DiscordEmulator e =
            DiscordEmulator.start(
                EmulatorConfig.builder()
                    .port(0)
                    .sessionStartLimit(1)
                    .identifyInterval(Duration.ZERO)
                    .build());
        GatewayClient a = GatewayClient.connect(e, false);
        GatewayClient b = GatewayClient.connect(e, false)) {
      RestClient rest = new RestClient(e);
      assertThat(
              rest.api("GET", "/gateway/bot", null)
                  .body()
                  .path("session_start_limit")
                  .path("remaining")
                  .asInt())
          .isEqualTo(1);
      a.nextOp(10);
      a.identify(TOKEN, 0, 1, GatewayClient.ALL_NON_PRIVILEGED);
      a.nextDispatch("READY");
      assertThat(
              rest.api("GET", "/gateway/bot", null)
                  .body()
                  .path("session_start_limit")
                  .path("remaining")
                  .asInt())
          .isZero();
      b.nextOp(10);
      b.identify(TOKEN, 0, 1, GatewayClient.ALL_NON_PRIVILEGED);
      assertThat(b.nextOp(9).path("d").asBoolean()).isFalse();
    }
  }

  @Test
  @DisplayName("op 8 REQUEST_GUILD_MEMBERS is answered with a GUILD_MEMBERS_CHUNK")
  void requestGuildMembers() throws Exception {
    try (GatewayClient c = GatewayClient.connect(emu, false)) {
      ready(c, 0, 1);
      long guild = emu.control().guildIds().get(0);
      c.sendRaw(
          "{\"op\":8,\"d\":{\"guild_id\":\""
              + Long.toUnsignedString(guild)
              + "\",\"query\":\"\",\"limit\":0,\"nonce\":\"n1\"}}");
      JsonNode chunk = c.nextDispatch("GUILD_MEMBERS_CHUNK").path("d");
      assertThat(chunk.path("nonce").asText()).isEqualTo("n1");
      assertThat(chunk.path("members").size()).isEqualTo(emu.control().memberIds(guild).size() + 2);
    }
  }

  private static InteractionRef message(long guild, String content) {
    var req = Json.obj();
    req.put("guild_id", Long.toUnsignedString(guild));
    req.put("content", content);
    return emu.control().message(req);
  }

  private static void awaitDisconnected(String session) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      for (JsonNode s : emu.control().sessions()) {
        if (s.path("session_id").asText().equals(session) && !s.path("connected").asBoolean()) {
          return;
        }
      }
      Thread.sleep(25);
    }
    throw new AssertionError("session " + session + " never showed as disconnected");
  }

  private static void awaitGone(String session) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (!emu.control().sessions().findValuesAsText("session_id").contains(session)) {
        return;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("session " + session + " still alive");
  }
}
