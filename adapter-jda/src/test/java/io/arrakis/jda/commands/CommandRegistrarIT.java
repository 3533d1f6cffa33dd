package io.arrakis.jda.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.arrakis.discord.command.CommandDefinition;
import io.arrakis.discord.command.CommandSet;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.emulator.DiscordEmulator;
import io.arrakis.emulator.EmulatorConfig;
import io.arrakis.emulator.EmulatorControl;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registrar against the embedded Discord emulator, over real loopback sockets. */
class CommandRegistrarIT {
  private static final String GLOBAL_ROUTE = "/applications/{application_id}/commands";

  private DiscordEmulator discord;
  private EmulatorControl ctl;
  private URI api;

  @BeforeEach
  void start() {
    discord = DiscordEmulator.start(EmulatorConfig.builder().port(0).seedGuilds(1).build());
    ctl = discord.control();
    api = URI.create(discord.baseUrl().replaceAll("/+$", "") + "/api");
  }

  @AfterEach
  void stop() {
    discord.close();
  }

  private CommandRegistrar registrar(CommandSet commands) {
    return CommandRegistrar.create(
        api, EmulatorConfig.DEFAULT_TOKEN, EmulatorConfig.DEFAULT_APPLICATION_ID, commands);
  }

  private long puts() {
    return discord.counters().get("world.commands_put");
  }

  @Test
  void firstRunCreatesTwenty_secondRunChangesNothingAndSendsNoPut() {
    CommandRegistrar registrar = registrar(SietchCommands.all());

    CommandPlan before = registrar.plan(CommandScope.global());
    assertThat(before.added()).hasSize(20);
    assertThat(puts()).isZero();

    RegistrationResult first = registrar.apply(CommandScope.global());
    assertThat(first.overwritten()).isTrue();
    assertThat(first.plan().added()).containsExactlyElementsOf(SietchCommands.all().names());
    assertThat(first.registered()).isEqualTo(20);
    assertThat(first.notAsSent()).isEmpty();
    assertThat(puts()).isEqualTo(1);

    ArrayNode stored = ctl.commands(0);
    assertThat(stored).hasSize(20);
    JsonNode onboard = find(stored, "onboard");
    assertThat(onboard.path("default_member_permissions").asText()).isEqualTo("32");
    assertThat(onboard.path("contexts").toString()).isEqualTo("[0]");
    assertThat(onboard.path("dm_permission").asBoolean(true)).isFalse();
    assertThat(find(stored, "verify").get("default_member_permissions").isNull()).isTrue();
    String verifyId = find(stored, "verify").path("id").asText();

    RegistrationResult second = registrar.apply(CommandScope.global());
    assertThat(second.overwritten()).isFalse();
    assertThat(second.plan().hasChanges()).isFalse();
    assertThat(second.plan().changeCount()).isZero();
    assertThat(second.plan().unchanged()).hasSize(20);
    assertThat(second.describe()).anyMatch(l -> l.contains("nothing to change"));
    assertThat(second.describe()).anyMatch(l -> l.contains("no request sent"));
    assertThat(puts()).isEqualTo(1);
    // Untouched: same ids.
    assertThat(find(ctl.commands(0), "verify").path("id").asText()).isEqualTo(verifyId);
  }

  @Test
  void aChangedDescription_isReportedAsChanged_andOverwritten() {
    registrar(SietchCommands.all()).apply(CommandScope.global());

    List<CommandDefinition> edited = new ArrayList<>(SietchCommands.all().commands());
    CommandDefinition stats = SietchCommands.get("stats");
    edited.set(
        0,
        new CommandDefinition(
            stats.name(),
            "Your stats, reworded",
            stats.options(),
            stats.defaultMemberPermissions(),
            stats.contexts(),
            stats.nsfw()));
    edited.remove(SietchCommands.get("naib"));
    CommandRegistrar changed = registrar(new CommandSet(edited));

    CommandPlan plan = changed.plan(CommandScope.global());
    assertThat(plan.changedNames()).containsExactly("stats");
    assertThat(plan.changed().get(0).fields()).containsExactly("description");
    assertThat(plan.removed()).containsExactly("naib");
    assertThat(plan.added()).isEmpty();
    assertThat(plan.unchanged()).hasSize(18);
    assertThat(plan.describe().get(0))
        .isEqualTo("commands (global): 0 added, 1 changed, 1 removed, 18 unchanged");

    RegistrationResult result = changed.apply(CommandScope.global());
    assertThat(result.overwritten()).isTrue();
    assertThat(result.registered()).isEqualTo(19);
    assertThat(find(ctl.commands(0), "stats").path("description").asText())
        .isEqualTo("Your stats, reworded");
    assertThat(puts()).isEqualTo(2);

    // The catalogue again: stats changed back, naib added.
    CommandPlan back = registrar(SietchCommands.all()).plan(CommandScope.global());
    assertThat(back.changedNames()).containsExactly("stats");
    assertThat(back.added()).containsExactly("naib");
  }

  @Test
  void guildScope_registersInTheGuildOnly_andIsIdempotent() {
    long guild = ctl.guildIds().get(0);
    CommandRegistrar registrar = registrar(SietchCommands.all());

    RegistrationResult first = registrar.apply(CommandScope.guild(guild));
    assertThat(first.overwritten()).isTrue();
    assertThat(first.notAsSent()).isEmpty();
    assertThat(ctl.commands(guild)).hasSize(20);
    assertThat(ctl.commands(0)).isEmpty();
    assertThat(find(ctl.commands(guild), "admin-badge").path("guild_id").asLong()).isEqualTo(guild);

    RegistrationResult second = registrar.apply(CommandScope.guild(guild));
    assertThat(second.overwritten()).isFalse();
    assertThat(second.plan().describe().get(0))
        .isEqualTo("commands (guild " + guild + "): 0 added, 0 changed, 0 removed, 20 unchanged");
    assertThat(puts()).isEqualTo(1);
    // The global scope is still empty: a plan there wants all 20.
    assertThat(registrar.plan(CommandScope.global()).added()).hasSize(20);
  }

  @Test
  void anUnknownGuild_givesAClearError() {
    assertThatThrownBy(() -> registrar(SietchCommands.all()).plan(CommandScope.guild(12345)))
        .isInstanceOf(CommandRegistrationException.class)
        .hasMessageContaining("12345")
        .satisfies(e -> assertThat(((CommandRegistrationException) e).status()).isEqualTo(404));
  }

  @Test
  void aWrongToken_givesAClearErrorWithoutTheToken() {
    String wrong = "not-the-token-s3cr3t";
    CommandRegistrar registrar =
        CommandRegistrar.create(
            api, wrong, EmulatorConfig.DEFAULT_APPLICATION_ID, SietchCommands.all());
    assertThatThrownBy(() -> registrar.apply(CommandScope.global()))
        .isInstanceOf(CommandRegistrationException.class)
        .hasMessageContaining("401")
        .hasMessageContaining("bot token")
        .satisfies(
            e -> {
              assertThat(e.getMessage()).doesNotContain(wrong);
              assertThat(((CommandRegistrationException) e).status()).isEqualTo(401);
            });
    assertThat(registrar.toString()).doesNotContain(wrong);
    assertThat(puts()).isZero();
    assertThat(ctl.commands(0)).isEmpty();
  }

  @Test
  void aWrongApplicationId_givesAClearError() {
    CommandRegistrar registrar =
        CommandRegistrar.create(api, EmulatorConfig.DEFAULT_TOKEN, 42, SietchCommands.all());
    assertThatThrownBy(() -> registrar.plan(CommandScope.global()))
        .isInstanceOf(CommandRegistrationException.class)
        .hasMessageContaining("application id");
  }

  @Test
  void withoutAnApplicationId_itIsLookedUp() {
    CommandRegistrar registrar =
        new CommandRegistrar(
            api,
            "Bot " + EmulatorConfig.DEFAULT_TOKEN,
            OptionalLong.empty(),
            SietchCommands.all(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5));
    assertThat(registrar.apply(CommandScope.global()).registered()).isEqualTo(20);
    assertThat(ctl.commands(0)).hasSize(20);
  }

  @Test
  void a429_isWaitedOutOnce() {
    ctl.restFault("PUT", GLOBAL_ROUTE, 429, 0, 0.2, false, 1);
    RegistrationResult result = registrar(SietchCommands.all()).apply(CommandScope.global());
    assertThat(result.overwritten()).isTrue();
    assertThat(discord.counters().get("rest.429_injected")).isEqualTo(1);
    assertThat(discord.counters().get("rest.early_retries")).isZero();
    assertThat(ctl.commands(0)).hasSize(20);
  }

  @Test
  void aSecond429_endsTheRunWithAClearError() {
    ctl.restFault("GET", GLOBAL_ROUTE, 429, 0, 0.1, false, 2);
    assertThatThrownBy(() -> registrar(SietchCommands.all()).apply(CommandScope.global()))
        .isInstanceOf(CommandRegistrationException.class)
        .hasMessageContaining("rate limited");
    assertThat(puts()).isZero();
  }

  @Test
  void a5xx_endsTheRunWithAClearError() {
    ctl.restFault("PUT", GLOBAL_ROUTE, 503, 0, 0, false, 1);
    assertThatThrownBy(() -> registrar(SietchCommands.all()).apply(CommandScope.global()))
        .isInstanceOf(CommandRegistrationException.class)
        .hasMessageContaining("503")
        .hasMessageContaining("running again is safe");
    // Running again works.
    assertThat(registrar(SietchCommands.all()).apply(CommandScope.global()).registered())
        .isEqualTo(20);
  }

  private static JsonNode find(ArrayNode commands, String name) {
    for (JsonNode c : commands) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no command " + name + " in " + commands);
  }
}
