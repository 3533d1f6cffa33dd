package io.arrakis.worker;

import io.arrakis.app.Environment;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.jda.commands.CommandPlan;
import io.arrakis.jda.commands.CommandRegistrar;
import io.arrakis.jda.commands.CommandScope;
import io.arrakis.jda.commands.RegistrationResult;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * {@code register-commands [--guild ID] [--dry-run]}: makes Discord's slash-command definitions
 * equal {@link SietchCommands} (globally, or for one guild), sending one bulk overwrite only when
 * something differs, and prints what changed. Run at deploy time; the only worker mode that takes
 * {@code DISCORD_BOT_TOKEN}.
 */
final class RegisterCommands {
  private RegisterCommands() {}

  static int run(String[] args, Map<String, String> variables, PrintStream out) {
    CommandScope scope = CommandScope.global();
    boolean dryRun = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--guild" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--guild needs a guild id");
          }
          scope = CommandScope.guild(parseId(args[++i]));
        }
        case "--dry-run" -> dryRun = true;
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
    }
    Environment env = new Environment(variables);
    String token = env.string("DISCORD_BOT_TOKEN", "");
    if (token.isEmpty()) {
      env.problem("DISCORD_BOT_TOKEN is required to register commands");
    }
    long applicationId = 0;
    if (env.isSet("DISCORD_APPLICATION_ID")) {
      try {
        applicationId = parseId(env.string("DISCORD_APPLICATION_ID", "0"));
      } catch (IllegalArgumentException ex) {
        env.problem("DISCORD_APPLICATION_ID must be a Discord id (a positive number)");
      }
    }
    URI api = env.url("DISCORD_API_URL", WorkerConfig.DISCORD_API, List.of("http", "https"));
    env.validate();
    CommandRegistrar registrar =
        CommandRegistrar.create(api, token, applicationId, SietchCommands.all());
    if (dryRun) {
      CommandPlan plan = registrar.plan(scope);
      plan.describe().forEach(out::println);
      return 0;
    }
    RegistrationResult result = registrar.apply(scope);
    result.describe().forEach(out::println);
    return 0;
  }

  private static long parseId(String text) {
    try {
      return Long.parseUnsignedLong(text.trim());
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException("not a Discord id: '" + text + "'");
    }
  }
}
