package io.arrakis.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Load runs of chosen slash commands, read by an independent gateway client: which command, which
 * options and which member each generated INTERACTION_CREATE carries.
 */
class LoadCommandsIT {
  static final int GUILDS = 3;
  static final int MEMBERS = 4;

  DiscordEmulator emu;
  GatewayClient client;

  @BeforeEach
  void connect() throws Exception {
    emu =
        DiscordEmulator.start(
            EmulatorConfig.builder()
                .port(0)
                .seedGuilds(GUILDS)
                .seedMembersPerGuild(MEMBERS)
                .identifyInterval(Duration.ZERO)
                .build());
    client = GatewayClient.connect(emu, false);
    client.nextOp(10);
    client.identify(EmulatorConfig.DEFAULT_TOKEN, 0, 1, GatewayClient.ALL_NON_PRIVILEGED);
    client.nextDispatch("READY");
    for (int i = 0; i < GUILDS; i++) {
      client.nextDispatch("GUILD_CREATE");
    }
  }

  @AfterEach
  void close() {
    client.close();
    emu.close();
  }

  /** {@code /threshold} and {@code /check-eligibility wallet:0xabc}: 2 commands, 3 guilds. */
  static List<JsonNode> commands() {
    return List.of(
        Json.obj().put("name", "threshold"),
        Json.MAPPER.valueToTree(
            Map.of("name", "check-eligibility", "options", Map.of("wallet", "0xabc"))));
  }

  /** The next {@code n} generated interactions, in order. */
  List<JsonNode> interactions(int n) throws InterruptedException {
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(client.nextDispatch("INTERACTION_CREATE").path("d"));
    }
    return out;
  }

  static long user(JsonNode interaction) {
    return Long.parseUnsignedLong(interaction.path("member").path("user").path("id").asText());
  }

  static long guild(JsonNode interaction) {
    return Long.parseUnsignedLong(interaction.path("guild_id").asText());
  }

  @Test
  @DisplayName(
      "spread users: each guild's interactions come from its ordinary members in turn, with the"
          + " configured commands and options")
  void spreadUsersRotatesOverEveryOrdinaryMember() throws Exception {
    int n = GUILDS * MEMBERS * 2; // every member of every guild acts twice
    int run =
        emu.control()
            .startLoad(
                List.of(new long[] {1_000, n}), Map.of("INTERACTION_CREATE", 1), commands(), true);

    List<JsonNode> got = interactions(n);

    Map<Long, List<Long>> usersByGuild = new LinkedHashMap<>();
    Map<Long, List<String>> commandsByGuild = new LinkedHashMap<>();
    for (JsonNode it : got) {
      usersByGuild.computeIfAbsent(guild(it), g -> new ArrayList<>()).add(user(it));
      commandsByGuild
          .computeIfAbsent(guild(it), g -> new ArrayList<>())
          .add(it.path("data").path("name").asText());
      if (it.path("data").path("name").asText().equals("check-eligibility")) {
        assertThat(it.path("data").path("options").get(0).path("name").asText())
            .isEqualTo("wallet");
        assertThat(it.path("data").path("options").get(0).path("value").asText())
            .isEqualTo("0xabc");
      } else {
        assertThat(it.path("data").path("options").size()).isZero();
      }
    }
    assertThat(usersByGuild).hasSize(GUILDS);
    usersByGuild.forEach(
        (guild, users) -> {
          List<Long> members = emu.control().memberIds(guild);
          assertThat(members).hasSize(MEMBERS);
          List<Long> twice = new ArrayList<>(members);
          twice.addAll(members);
          assertThat(users).as("guild %s", guild).containsExactlyElementsOf(twice);
        });
    commandsByGuild.forEach(
        (guild, names) ->
            assertThat(names)
                .as("3 guilds, 2 commands: every guild sees both")
                .contains("threshold", "check-eligibility"));
    JsonNode summary = emu.control().loadSummary(run).orElseThrow();
    assertThat(summary.path("interactions").path("created").asInt()).isEqualTo(n);
  }

  @Test
  @DisplayName("without spreading, one member per guild runs every command (as before)")
  void withoutSpreadingOneMemberPerGuildActs() throws Exception {
    int n = GUILDS * 4;
    emu.control()
        .startLoad(
            List.of(new long[] {1_000, n}), Map.of("INTERACTION_CREATE", 1), commands(), false);

    List<JsonNode> got = interactions(n);

    Map<Long, List<Long>> usersByGuild = new LinkedHashMap<>();
    for (JsonNode it : got) {
      usersByGuild.computeIfAbsent(guild(it), g -> new ArrayList<>()).add(user(it));
    }
    assertThat(usersByGuild).hasSize(GUILDS);
    usersByGuild.values().forEach(users -> assertThat(users).hasSize(4).containsOnly(users.get(0)));
  }
}
