package io.arrakis.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.discord.command.SietchCommands;
import io.arrakis.emulator.DiscordEmulator;
import io.arrakis.emulator.EmulatorConfig;
import io.arrakis.emulator.EmulatorControl;
import io.arrakis.jda.commands.CommandRegistrationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code register-commands} against the in-process Discord emulator, over real HTTP. */
class RegisterCommandsIT {
  private DiscordEmulator discord;
  private EmulatorControl ctl;
  private long guild;
  private Map<String, String> env;

  @BeforeEach
  void start() {
    discord = DiscordEmulator.start(EmulatorConfig.builder().port(0).seedGuilds(1).build());
    ctl = discord.control();
    guild = ctl.guildIds().get(0);
    env = new HashMap<>();
    env.put("DISCORD_BOT_TOKEN", EmulatorConfig.DEFAULT_TOKEN);
    env.put("DISCORD_APPLICATION_ID", Long.toString(EmulatorConfig.DEFAULT_APPLICATION_ID));
    env.put("DISCORD_API_URL", discord.baseUrl() + "/api");
  }

  @AfterEach
  void stop() {
    discord.close();
  }

  private long puts() {
    return discord.counters().get("world.commands_put");
  }

  /** Runs the mode and returns what it printed, line by line. */
  private List<String> run(String... args) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int exit =
        RegisterCommands.run(args, env, new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(exit).isZero();
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void givenEmptyGuild_firstRun_registersAllTwentyCommandsAndPrintsTheChanges() {
    List<String> printed = run("--guild", Long.toString(guild));

    assertThat(ctl.commands(guild)).hasSize(20);
    assertThat(puts()).isEqualTo(1);
    assertThat(printed.get(0))
        .isEqualTo("commands (guild " + guild + "): 20 added, 0 changed, 0 removed, 0 unchanged");
    assertThat(printed)
        .anyMatch(l -> l.startsWith("  added: ") && l.contains("onboard"))
        .contains("  bulk overwrite sent: 20 commands registered");
    assertThat(String.join("\n", printed)).contains(SietchCommands.all().names());
  }

  @Test
  void givenCommandsAlreadyRegistered_secondRun_printsNothingChangedAndSendsNoOverwrite() {
    run("--guild", Long.toString(guild));

    List<String> printed = run("--guild", Long.toString(guild));

    assertThat(printed.get(0))
        .isEqualTo("commands (guild " + guild + "): 0 added, 0 changed, 0 removed, 20 unchanged");
    assertThat(printed)
        .contains("  nothing to change", "  no request sent: 20 commands already registered");
    assertThat(puts()).isEqualTo(1);
  }

  @Test
  void givenDryRun_run_printsThePlanAndSendsNothing() {
    List<String> printed = run("--dry-run", "--guild", Long.toString(guild));

    assertThat(printed.get(0)).contains("20 added");
    assertThat(printed).noneMatch(l -> l.contains("bulk overwrite sent"));
    assertThat(puts()).isZero();
    assertThat(ctl.commands(guild)).isEmpty();
  }

  @Test
  void givenNoGuild_run_registersGloballyOnly() {
    List<String> printed = run();

    assertThat(printed.get(0)).startsWith("commands (global): 20 added");
    assertThat(ctl.commands(0)).hasSize(20);
    assertThat(ctl.commands(guild)).isEmpty();
  }

  @Test
  void givenNoApplicationId_run_looksItUpAndRegisters() {
    env.remove("DISCORD_APPLICATION_ID");

    run("--guild", Long.toString(guild));

    assertThat(ctl.commands(guild)).hasSize(20);
  }

  @Test
  void givenWrongBotToken_run_failsWithoutPrintingOrEchoingTheToken() {
    env.put("DISCORD_BOT_TOKEN", "wrong-s3cr3t-token");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    assertThatThrownBy(
            () ->
                RegisterCommands.run(
                    new String[] {"--guild", Long.toString(guild)},
                    env,
                    new PrintStream(printed, true, StandardCharsets.UTF_8)))
        .isInstanceOf(CommandRegistrationException.class)
        .hasMessageContaining("401")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-s3cr3t-token"));
    assertThat(printed.size()).isZero();
    assertThat(puts()).isZero();
  }
}
