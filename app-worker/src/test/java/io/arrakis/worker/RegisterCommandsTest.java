package io.arrakis.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.arrakis.app.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code register-commands}' usage and configuration errors, all found before any request (no
 * network; a closed port as API URL proves it). The runs against Discord are {@code
 * RegisterCommandsIT}, over the emulator.
 */
class RegisterCommandsTest {
  /** Nothing listens here: a test that reached the network would fail with a connect error. */
  private static final String NOWHERE = "http://127.0.0.1:1/api";

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  private int run(Map<String, String> env, String... args) {
    return RegisterCommands.run(args, env, out);
  }

  private static Map<String, String> withToken() {
    return Map.of("DISCORD_BOT_TOKEN", "emulator-bot-token", "DISCORD_API_URL", NOWHERE);
  }

  @Test
  void givenNoBotToken_run_failsWithAConfigExceptionNamingIt() {
    ConfigException ex =
        catchThrowableOfType(
            ConfigException.class, () -> run(Map.of("DISCORD_API_URL", NOWHERE), "--guild", "123"));

    assertThat(ex).isNotNull();
    assertThat(ex.problems()).singleElement().asString().contains("DISCORD_BOT_TOKEN");
    assertThat(output()).isEmpty();
  }

  @Test
  void givenNoBotTokenAndABadApiUrl_run_reportsBothTogether() {
    ConfigException ex =
        catchThrowableOfType(
            ConfigException.class, () -> run(Map.of("DISCORD_API_URL", "discord.com/api")));

    assertThat(ex.problems()).hasSize(2);
    assertThat(ex.problems()).anyMatch(p -> p.contains("DISCORD_BOT_TOKEN"));
    assertThat(ex.problems()).anyMatch(p -> p.contains("DISCORD_API_URL"));
  }

  @Test
  void givenGuildFlagWithoutValue_run_failsWithIllegalArgument() {
    assertThatThrownBy(() -> run(withToken(), "--guild"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--guild needs a guild id");
    assertThat(output()).isEmpty();
  }

  @Test
  void givenGuildIdThatIsNotASnowflake_run_failsWithIllegalArgumentQuotingIt() {
    assertThatThrownBy(() -> run(withToken(), "--guild", "my-server"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a Discord id")
        .hasMessageContaining("my-server");
    assertThatThrownBy(() -> run(withToken(), "--guild", "-5"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenGuildZero_run_failsWithIllegalArgument() {
    assertThatThrownBy(() -> run(withToken(), "--guild", "0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
  }

  @Test
  void givenUnknownArgument_run_failsWithIllegalArgumentNamingIt() {
    assertThatThrownBy(() -> run(withToken(), "--dry-run", "--global"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown argument: --global");
  }

  @Test
  void givenUsageError_run_failsBeforeLookingAtTheEnvironment() {
    // a usage error is reported even when the configuration is also wrong
    assertThatThrownBy(() -> run(Map.of(), "--guild")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenBadApplicationIdAndNoToken_run_reportsBothVariablesTogether() {
    ConfigException ex =
        catchThrowableOfType(
            ConfigException.class,
            () -> run(Map.of("DISCORD_APPLICATION_ID", "abc", "DISCORD_API_URL", NOWHERE)));

    assertThat(ex).isNotNull();
    assertThat(ex.problems()).anyMatch(p -> p.contains("DISCORD_APPLICATION_ID"));
    assertThat(ex.problems()).anyMatch(p -> p.contains("DISCORD_BOT_TOKEN"));
  }
}
