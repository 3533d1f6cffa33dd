package io.arrakis.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The emulator's pure building blocks, without sockets. */
class UnitsTest {

  @Nested
  class SnowflakeIds {
    @Test
    void idsCarryTheirCreationTimeAndPickTheShardFromIt() {
      EmulatorClock clock = new EmulatorClock();
      Snowflakes ids = new Snowflakes(clock);
      long before = System.currentTimeMillis();
      long id = ids.next();
      assertThat(Snowflakes.timestampOf(id)).isBetween(before, System.currentTimeMillis());
      assertThat(Long.toUnsignedString(id)).hasSizeBetween(17, 19);
      long t = 1_700_000_000_000L;
      for (int i = 0; i < 8; i++) {
        assertThat(Snowflakes.shardOf(ids.at(t + i), 4))
            .isEqualTo((int) ((t + i - Snowflakes.DISCORD_EPOCH) % 4));
      }
      assertThat(ids.next()).isNotEqualTo(ids.next());
    }

    @Test
    void advancingTheClockAgesNewIds() {
      EmulatorClock clock = new EmulatorClock();
      Snowflakes ids = new Snowflakes(clock);
      clock.advance(60_000);
      assertThat(Snowflakes.timestampOf(ids.next()))
          .isGreaterThan(System.currentTimeMillis() + 50_000);
    }
  }

  @Nested
  class ZlibStreamCompression {
    @Test
    void everyMessageEndsWithTheFlushMarkerAndOneInflaterReadsThemAll() throws Exception {
      ZlibStream z = new ZlibStream();
      Inflater in = new Inflater();
      for (int i = 0; i < 50; i++) {
        String msg =
            "{\"op\":0,\"s\":" + i + ",\"d\":{\"content\":\"" + "x".repeat(i * 500) + "\"}}";
        byte[] c = z.compress(msg.getBytes(StandardCharsets.UTF_8));
        assertThat(c).endsWith(0x00, 0x00, (byte) 0xff, (byte) 0xff);
        in.setInput(c);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.inflate(buf)) > 0) {
          out.write(buf, 0, n);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(msg);
      }
      z.end();
      in.end();
    }
  }

  @Nested
  class DispatchFrames {
    @Test
    void frameIsValidJsonWithTypeSeqOpAndData() {
      byte[] f =
          Frames.dispatch(
              Frames.head("MESSAGE_CREATE"), 42, "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8));
      var n = Json.parse(f);
      assertThat(n.path("t").asText()).isEqualTo("MESSAGE_CREATE");
      assertThat(n.path("s").asLong()).isEqualTo(42);
      assertThat(n.path("op").asInt()).isZero();
      assertThat(n.path("d").path("id").asText()).isEqualTo("1");
      assertThat(Json.parse(Frames.op(11, "null")).path("op").asInt()).isEqualTo(11);
    }
  }

  @Nested
  class RateLimits {
    @Test
    void bucketAllowsItsLimitThenRefusesAndNoticesEarlyRetries() {
      RateLimiter rl = new RateLimiter(50);
      RateLimiter.Spec spec = RateLimiter.Spec.of("x", 2, 60_000);
      assertThat(rl.acquire("x", "g1", spec).remaining()).isEqualTo(1);
      assertThat(rl.acquire("x", "g1", spec).remaining()).isZero();
      RateLimiter.Decision refused = rl.acquire("x", "g1", spec);
      assertThat(refused.allowed()).isFalse();
      assertThat(refused.earlyRetry()).isFalse();
      assertThat(rl.acquire("x", "g1", spec).earlyRetry()).isTrue();
      assertThat(rl.acquire("x", "g2", spec).allowed()).as("other major parameter").isTrue();
      assertThat(spec.hash()).hasSize(16);
    }

    @Test
    void windowResets() throws InterruptedException {
      RateLimiter rl = new RateLimiter(50);
      RateLimiter.Spec spec = RateLimiter.Spec.of("y", 1, 1);
      assertThat(rl.acquire("y", "-", spec).allowed()).isTrue();
      Thread.sleep(5);
      assertThat(rl.acquire("y", "-", spec).allowed()).isTrue();
    }

    @Test
    void globalLimitIsPerToken() {
      RateLimiter rl = new RateLimiter(2);
      assertThat(rl.acquireGlobal("a").allowed()).isTrue();
      assertThat(rl.acquireGlobal("a").allowed()).isTrue();
      assertThat(rl.acquireGlobal("a").allowed()).isFalse();
      assertThat(rl.acquireGlobal("b").allowed()).isTrue();
    }
  }

  @Nested
  class HttpParsing {
    @Test
    void pathSegmentsArePercentDecoded() {
      assertThat(Http.segments("/api/v10/webhooks/1/tok/messages/%40original"))
          .containsExactly("api", "v10", "webhooks", "1", "tok", "messages", "@original");
      assertThat(Http.percentDecode("%F0%9F%94%A5")).isEqualTo("🔥");
      assertThat(Http.percentDecode("100%")).isEqualTo("100%");
      assertThat(Http.query("a=1&b=x%20y&c"))
          .containsEntry("a", "1")
          .containsEntry("b", "x y")
          .containsEntry("c", "");
    }

    @Test
    void multipartPayloadJsonIsExtracted() {
      String body =
          "--XyZ\r\nContent-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json\r\n\r\n"
              + "{\"type\":4,\"data\":{\"content\":\"hi\"}}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"a.txt\"\r\n\r\nabc\r\n--XyZ--\r\n";
      Http.Call call =
          new Http.Call(
              "POST",
              java.util.List.of(),
              Map.of(),
              Map.of(),
              body.getBytes(StandardCharsets.UTF_8),
              "multipart/form-data; boundary=XyZ");
      assertThat(call.json().path("data").path("content").asText()).isEqualTo("hi");
    }
  }

  @Nested
  class WorldPermissions {
    World world() {
      EmulatorClock clock = new EmulatorClock();
      World w = new World(new Snowflakes(clock), clock, 1L << 40, 1L << 40, "bot");
      Seeder.seed(w, 1, 2);
      return w;
    }

    @Test
    void ownerAndAdministratorGetEverythingOthersGetTheirRoles() {
      World w = world();
      World.Guild g = w.guilds.values().iterator().next();
      long member =
          g.members.keySet().stream()
              .filter(u -> u != w.bot.id && u != g.ownerId)
              .findFirst()
              .orElseThrow();
      assertThat(w.basePermissions(g, g.ownerId)).isEqualTo(Permissions.ALL);
      assertThat(w.basePermissions(g, member) & Permissions.MANAGE_ROLES).isZero();
      World.Role admin =
          g.roles.values().stream().filter(r -> r.name.equals("Admin")).findFirst().orElseThrow();
      g.members.get(member).roles.add(admin.id);
      assertThat(w.basePermissions(g, member)).isEqualTo(Permissions.ALL);
      assertThat(w.highestRolePosition(g, w.bot.id)).isEqualTo(100);
    }

    @Test
    void channelOverwritesApplyEveryoneThenRolesThenMember() {
      World w = world();
      World.Guild g = w.guilds.values().iterator().next();
      long member =
          g.members.keySet().stream()
              .filter(u -> u != w.bot.id && u != g.ownerId)
              .findFirst()
              .orElseThrow();
      World.Channel c =
          g.channels.values().stream()
              .filter(x -> x.type == World.GUILD_TEXT)
              .findFirst()
              .orElseThrow();
      c.overwrites.add(new World.Overwrite(g.id, 0, 0, Permissions.SEND_MESSAGES));
      assertThat(w.channelPermissions(g, c, member) & Permissions.SEND_MESSAGES).isZero();
      c.overwrites.add(new World.Overwrite(member, 1, Permissions.SEND_MESSAGES, 0));
      assertThat(w.channelPermissions(g, c, member) & Permissions.SEND_MESSAGES).isNotZero();
    }
  }

  @Nested
  class LoadMix {
    @Test
    void cycleHonoursWeightsAndInterleaves() {
      byte[] c = LoadGenerator.cycle(Map.of("MESSAGE_CREATE", 3, "INTERACTION_CREATE", 1));
      assertThat(c).hasSize(4);
      int interactions = 0;
      for (byte b : c) {
        interactions += b == 3 ? 1 : 0;
      }
      assertThat(interactions).isEqualTo(1);
      assertThatThrownBy(() -> LoadGenerator.cycle(Map.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class CommandLine {
    @Test
    void flagsOverrideEnvironmentWhichOverridesDefaults() {
      EmulatorConfig c =
          EmulatorMain.parse(
              new String[] {
                "--port", "9001", "--guilds=7", "--application-id", "123456789012345678"
              },
              Map.of(
                  "EMULATOR_TOKEN", "env-token", "EMULATOR_PORT", "9000", "EMULATOR_SHARDS", "4"),
              System.out);
      assertThat(c.port()).isEqualTo(9001);
      assertThat(c.token()).isEqualTo("env-token");
      assertThat(c.seedGuilds()).isEqualTo(7);
      assertThat(c.recommendedShards()).isEqualTo(4);
      assertThat(c.applicationId()).isEqualTo(123456789012345678L);
    }

    @Test
    void wildcardBindAdvertisesLoopbackUnlessToldOtherwise() {
      assertThat(
              EmulatorMain.parse(new String[] {"--host", "0.0.0.0"}, Map.of(), System.out)
                  .advertisedHost())
          .isEqualTo("127.0.0.1");
      assertThat(
              EmulatorMain.parse(
                      new String[] {"--host", "0.0.0.0"},
                      Map.of("EMULATOR_ADVERTISED_HOST", "discord"),
                      System.out)
                  .advertisedHost())
          .isEqualTo("discord");
    }

    @Test
    void defaultsAreDiscordsAndTheIssueOnes() {
      EmulatorConfig c = EmulatorMain.parse(new String[0], Map.of(), System.out);
      assertThat(c.port()).isEqualTo(8090);
      assertThat(c.token()).isEqualTo("emulator-bot-token");
      assertThat(c.heartbeatInterval()).isEqualTo(Duration.ofMillis(41_250));
      assertThat(c.interactionResponseWindow()).isEqualTo(Duration.ofSeconds(3));
      assertThat(c.interactionTokenLifetime()).isEqualTo(Duration.ofMinutes(15));
      assertThat(c.globalRateLimit()).isEqualTo(50);
    }

    @Test
    void helpPrintsUsageAndBadInputIsRejected() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(
              EmulatorMain.parse(
                  new String[] {"--help"},
                  Map.of(),
                  new PrintStream(out, true, StandardCharsets.UTF_8)))
          .isNull();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("--port", "--token", "--application-id", "--guilds", "--shards");
      assertThatThrownBy(
              () -> EmulatorMain.parse(new String[] {"--port", "x"}, Map.of(), System.out))
          .hasMessageContaining("--port");
      assertThatThrownBy(
              () -> EmulatorMain.parse(new String[] {"--bogus", "1"}, Map.of(), System.out))
          .hasMessageContaining("unknown option");
      assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port"}, Map.of(), System.out))
          .hasMessageContaining("missing value");
    }
  }
}
