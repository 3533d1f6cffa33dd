package io.arrakis.emulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar discord-emulator.jar [--port 8090] [--token …] …}: runs until killed. */
public final class EmulatorMain {
  private EmulatorMain() {}

  static final String USAGE =
      """
      Usage: java -jar discord-emulator.jar [options]

      A local Discord: gateway (ws://HOST:PORT/), REST (/api/v10/...) and control API (/_emulator/...)
      on one port. Every option can also be set by the environment variable shown.

        --port N                 port to listen on (EMULATOR_PORT, default 8090; 0 = any free port)
        --host H                 interface to bind (EMULATOR_HOST, default 127.0.0.1)
        --advertised-host H      host name in the gateway URLs it hands out (EMULATOR_ADVERTISED_HOST,
                                 default: --host, or 127.0.0.1 when --host is 0.0.0.0)
        --token T                bot token it accepts (EMULATOR_TOKEN, default emulator-bot-token)
        --application-id ID      application / bot user id (EMULATOR_APPLICATION_ID)
        --guilds N               guilds in the seeded default world (EMULATOR_GUILDS, default 2)
        --members N              ordinary members per seeded guild (EMULATOR_MEMBERS, default 5)
        --roles-per-guild N      roles per seeded guild, min 8 (EMULATOR_ROLES_PER_GUILD, default 8)
        --channels-per-guild N   text channels per seeded guild, min 3 (EMULATOR_CHANNELS_PER_GUILD, default 3)
        --shards N               shard count recommended by /gateway/bot (EMULATOR_SHARDS, default 1)
        --max-concurrency N      session_start_limit.max_concurrency (EMULATOR_MAX_CONCURRENCY, default 1)
        --heartbeat-ms N         heartbeat_interval sent in HELLO (EMULATOR_HEARTBEAT_MS, default 41250)
        --resume-window-ms N     how long dropped sessions stay resumable (EMULATOR_RESUME_WINDOW_MS, default 120000)
        --resume-buffer N        dispatches kept per session for RESUME (EMULATOR_RESUME_BUFFER, default 50000)
        --identify-interval-ms N spacing of identifies per concurrency bucket (EMULATOR_IDENTIFY_INTERVAL_MS, default 5000)
        --help                   print this help
      """;

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "emulator-logback.xml");
    }
    EmulatorConfig cfg;
    try {
      cfg = parse(args, System.getenv(), System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("discord-emulator: " + e.getMessage());
      System.err.println("Try --help.");
      System.exit(2);
      return;
    }
    if (cfg == null) {
      return;
    }
    DiscordEmulator emulator = DiscordEmulator.start(cfg);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  done.countDown();
                },
                "emulator-shutdown"));
    System.out.println(
        "discord-emulator ready: REST "
            + emulator.restUrl()
            + "  gateway "
            + emulator.gatewayUrl()
            + "  control "
            + emulator.baseUrl()
            + "/_emulator/");
    done.await();
  }

  /** Parses flags over environment defaults; returns null after printing help. */
  static EmulatorConfig parse(String[] args, Map<String, String> env, PrintStream out) {
    EmulatorConfig.Builder b = EmulatorConfig.builder();
    applyEnv(b, env);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        out.print(USAGE);
        return null;
      }
      String value;
      String name = a;
      int eq = a.indexOf('=');
      if (eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      } else {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + a);
        }
        value = args[++i];
      }
      set(b, name.replaceFirst("^--", "").toLowerCase(Locale.ROOT), value);
    }
    return b.build();
  }

  private static void applyEnv(EmulatorConfig.Builder b, Map<String, String> env) {
    String[][] pairs = {
      {"EMULATOR_PORT", "port"},
      {"EMULATOR_HOST", "host"},
      {"EMULATOR_ADVERTISED_HOST", "advertised-host"},
      {"EMULATOR_TOKEN", "token"},
      {"EMULATOR_APPLICATION_ID", "application-id"},
      {"EMULATOR_GUILDS", "guilds"},
      {"EMULATOR_MEMBERS", "members"},
      {"EMULATOR_ROLES_PER_GUILD", "roles-per-guild"},
      {"EMULATOR_CHANNELS_PER_GUILD", "channels-per-guild"},
      {"EMULATOR_SHARDS", "shards"},
      {"EMULATOR_MAX_CONCURRENCY", "max-concurrency"},
      {"EMULATOR_HEARTBEAT_MS", "heartbeat-ms"},
      {"EMULATOR_RESUME_WINDOW_MS", "resume-window-ms"},
      {"EMULATOR_RESUME_BUFFER", "resume-buffer"},
      {"EMULATOR_IDENTIFY_INTERVAL_MS", "identify-interval-ms"}
    };
    for (String[] p : pairs) {
      String v = env.get(p[0]);
      if (v != null && !v.isBlank()) {
        set(b, p[1], v.trim());
      }
    }
  }

  private static void set(EmulatorConfig.Builder b, String name, String v) {
    try {
      switch (name) {
        case "port" -> b.port(Integer.parseInt(v));
        case "host" -> b.host(v);
        case "advertised-host" -> b.advertisedHost(v);
        case "token" -> b.token(v);
        case "application-id" -> b.applicationId(Long.parseUnsignedLong(v));
        case "guilds" -> b.seedGuilds(Integer.parseInt(v));
        case "members" -> b.seedMembersPerGuild(Integer.parseInt(v));
        case "roles-per-guild" -> b.seedRolesPerGuild(Integer.parseInt(v));
        case "channels-per-guild" -> b.seedChannelsPerGuild(Integer.parseInt(v));
        case "shards" -> b.recommendedShards(Integer.parseInt(v));
        case "max-concurrency" -> b.maxConcurrency(Integer.parseInt(v));
        case "heartbeat-ms" -> b.heartbeatInterval(Duration.ofMillis(Long.parseLong(v)));
        case "resume-window-ms" -> b.resumeWindow(Duration.ofMillis(Long.parseLong(v)));
        case "resume-buffer" -> b.resumeBufferSize(Integer.parseInt(v));
        case "identify-interval-ms" -> b.identifyInterval(Duration.ofMillis(Long.parseLong(v)));
        default -> throw new IllegalArgumentException("unknown option --" + name);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " needs a number, got '" + v + "'");
    }
  }
}
