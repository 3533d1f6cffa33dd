package io.arrakis.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.emulator.DiscordEmulator;
import io.arrakis.emulator.EmulatorConfig;
import io.arrakis.emulator.InteractionRef;
import io.arrakis.worker.DemoCommunity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The whole system for worker tests, each part real: the Discord emulator (in this JVM, over real
 * sockets), RabbitMQ (a private vhost), PostgreSQL (a throw-away database with the demo community
 * seeded), Redis, the ingestor's jar as a process, and worker jars started on demand.
 */
final class SietchSystem implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final DiscordEmulator emulator;
  final Broker broker;
  final SystemDatabase db;

  /** The first ingestor (holding every shard unless the layout splits them). */
  final AppProcess ingestor;

  private final Map<String, String> ingestorEnvironment;

  final List<AppProcess> ingestors = new ArrayList<>();
  final long guild;
  final List<Long> members;
  final long taqwaRole;
  final CommunityId community;
  final int shards = 2;
  private final int redisDb;
  private final String redisUrl;
  private final List<AppProcess> workers = new ArrayList<>();

  /**
   * The size of the emulated world and how the shards are spread over ingestor processes.
   *
   * @param ingestorShards one entry per ingestor: its {@code SHARD_IDS}, {@code ""} for all
   */
  record Layout(
      int guilds,
      int membersPerGuild,
      int rolesPerGuild,
      List<String> ingestorShards,
      Map<String, String> ingestorEnvironment) {
    Layout(int guilds, int membersPerGuild, int rolesPerGuild, List<String> ingestorShards) {
      this(guilds, membersPerGuild, rolesPerGuild, ingestorShards, Map.of());
    }

    static Layout standard() {
      return new Layout(2, 8, 8, List.of(""));
    }

    /** The same world with these variables added to every ingestor's environment. */
    Layout withIngestorEnvironment(Map<String, String> extra) {
      return new Layout(guilds, membersPerGuild, rolesPerGuild, ingestorShards, Map.copyOf(extra));
    }
  }

  private SietchSystem(String name, int redisDb, String workerRedisUrl, Layout layout)
      throws Exception {
    AppProcess.flushRedis(redisDb);
    this.redisDb = redisDb;
    this.redisUrl = workerRedisUrl;
    emulator =
        DiscordEmulator.start(
            EmulatorConfig.builder()
                .port(0)
                .seedGuilds(layout.guilds())
                .seedMembersPerGuild(layout.membersPerGuild())
                .seedRolesPerGuild(layout.rolesPerGuild())
                .recommendedShards(shards)
                .maxConcurrency(2)
                .resumeWindow(Duration.ofMinutes(2))
                .build());
    broker = new Broker();
    db = new SystemDatabase();
    guild = emulator.control().guildIds().get(0);
    members = emulator.control().memberIds(guild);
    taqwaRole =
        Long.parseUnsignedLong(
            emulator
                .control()
                .createRole(guild, JSON.createObjectNode().put("name", "Taqwa"))
                .get("id")
                .asText());
    community =
        DemoCommunity.seed(
            db.postgres.repositories(),
            db.postgres.unitOfWork(),
            guild,
            members.subList(0, 3),
            Optional.of(taqwaRole),
            Instant.now());
    ingestorEnvironment = layout.ingestorEnvironment();
    for (int i = 0; i < layout.ingestorShards().size(); i++) {
      startIngestor(name + "-ingestor-" + i, layout.ingestorShards().get(i));
    }
    ingestor = ingestors.get(0);
  }

  /** Starts an ingestor holding {@code shardIds} ({@code ""}: all) and waits until it is up. */
  AppProcess startIngestor(String processName, String shardIds) throws Exception {
    Map<String, String> env = AppProcess.environment(emulator, broker, shards, redisDb);
    env.putAll(ingestorEnvironment);
    if (!shardIds.isEmpty()) {
      env.put("SHARD_IDS", shardIds);
    }
    AppProcess p = AppProcess.ingestor(processName, env);
    ingestors.add(p);
    return p.awaitHealthy(Duration.ofSeconds(60));
  }

  /**
   * @param redisDb the database the ingestor's checkpoints use (flushed first)
   * @param workerRedisUrl where workers keep their state
   */
  static SietchSystem start(String name, int redisDb, String workerRedisUrl) throws Exception {
    return new SietchSystem(name, redisDb, workerRedisUrl, Layout.standard());
  }

  static SietchSystem start(String name, int redisDb, String workerRedisUrl, Layout layout)
      throws Exception {
    return new SietchSystem(name, redisDb, workerRedisUrl, layout);
  }

  /** A serving worker's environment: no bot token. */
  Map<String, String> workerEnvironment() {
    Map<String, String> env = new HashMap<>(db.environment());
    env.put("DISCORD_API_URL", emulator.baseUrl() + "/api");
    env.put("RABBITMQ_URL", broker.amqpUrl());
    env.put("REDIS_URL", redisUrl);
    env.put("SHARD_COUNT", Integer.toString(shards));
    // Scheduled jobs would award badges and sync at start-up under the commands' tests; the tests
    // of the jobs turn them on.
    env.put("JOBS_ENABLED", "false");
    return env;
  }

  AppProcess startWorker(String name) throws Exception {
    AppProcess worker = AppProcess.worker(name, workerEnvironment());
    workers.add(worker);
    return worker.awaitHealthy(Duration.ofSeconds(60));
  }

  /** Runs {@code app-worker.jar} in a one-shot mode; returns its exit code and output. */
  Run runWorkerJar(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(AppProcess.WORKER_JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().put("LOG_FORMAT", "text");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("app-worker.jar " + String.join(" ", args) + " did not finish");
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** A finished one-shot run. */
  record Run(int exitCode, String output) {}

  /**
   * Publishes privileged actions as a worker would (the same publisher and routing), for tests of
   * the ingestor's executing side. Close it after use.
   */
  ActionSender actionSender() throws Exception {
    return new ActionSender(broker.amqpUrl(), shards);
  }

  /** An in-process publisher of actions into the system's vhost. */
  static final class ActionSender implements AutoCloseable {
    private final io.arrakis.rabbitmq.RabbitMq rabbit;
    final io.arrakis.jda.actions.QueuedDiscordActions actions;

    ActionSender(String amqpUrl, int shards) throws Exception {
      rabbit =
          io.arrakis.rabbitmq.RabbitMq.start(
              io.arrakis.rabbitmq.RabbitMqSettings.defaults(
                  java.net.URI.create(amqpUrl), "system-test-actions"),
              io.arrakis.messaging.Topology.standard(
                  io.arrakis.messaging.TopologyProfile.CLASSIC_PRIORITY),
              new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
      actions = new io.arrakis.jda.actions.QueuedDiscordActions(rabbit.publisher(), shards);
    }

    /** Publishes and waits for the broker's confirm. */
    void send(io.arrakis.discord.action.DiscordAction action) throws Exception {
      actions.submit(action).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      rabbit.close();
    }
  }

  /** A counter of the emulator's (e.g. {@code world.role_added}, {@code rest.429}). */
  long emulatorCounter(String name) {
    return emulator.control().counters().path("counters").path(name).asLong();
  }

  /** The commands registered for the demo guild, as a deploy would (the token only here). */
  Run registerCommands() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("DISCORD_BOT_TOKEN", EmulatorConfig.DEFAULT_TOKEN);
    env.put("DISCORD_API_URL", emulator.baseUrl() + "/api");
    return runWorkerJar(env, "register-commands", "--guild", Long.toUnsignedString(guild));
  }

  /** A member runs {@code /name [sub] options} in the demo guild. */
  InteractionRef command(long user, String name, String subcommand, Map<String, ?> options) {
    ObjectNode req = JSON.createObjectNode();
    req.put("guild_id", Long.toUnsignedString(guild));
    req.put("user_id", Long.toUnsignedString(user));
    req.put("name", name);
    if (subcommand != null) {
      req.put("subcommand", subcommand);
    }
    req.set("options", JSON.valueToTree(options));
    return emulator.control().slashCommand(req);
  }

  /** The conversation once {@code done} holds (polled), or fails after {@code timeout}. */
  JsonNode awaitConversation(InteractionRef ref, Predicate<JsonNode> done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = emulator.control().conversation(ref.id()).orElse(null);
      if (last != null && done.test(last)) {
        return last;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("interaction " + ref.idString() + " not done in time: " + last);
  }

  /** Answered: a message callback, or a defer whose original was edited with the answer. */
  static boolean answered(JsonNode conversation) {
    if (!conversation.path("acknowledged").asBoolean()) {
      return false;
    }
    if (conversation.path("callback_type").asInt() != 5) {
      return true;
    }
    JsonNode original = conversation.path("original");
    return !original.isNull()
        && (original.path("embeds").size() > 0 || !original.path("content").asText().isEmpty());
  }

  /** Successful callbacks the emulator accepted for this interaction (the user sees one). */
  static long acceptedCallbacks(JsonNode conversation) {
    long n = 0;
    for (JsonNode e : conversation.path("events")) {
      if (e.path("kind").asText().equals("callback") && e.path("status").asInt() < 300) {
        n++;
      }
    }
    return n;
  }

  /** Requests of any kind the bot made for this interaction. */
  static long requests(JsonNode conversation, String kind) {
    long n = 0;
    for (JsonNode e : conversation.path("events")) {
      if (e.path("kind").asText().equals(kind)) {
        n++;
      }
    }
    return n;
  }

  /** The answer's message: the callback's or the edited original. */
  static JsonNode message(JsonNode conversation) {
    return conversation.path("original");
  }

  /** An embed field's value by name, or fails. */
  static String field(JsonNode embed, String name) {
    for (JsonNode f : embed.path("fields")) {
      if (f.path("name").asText().equals(name)) {
        return f.path("value").asText();
      }
    }
    throw new AssertionError("no field '" + name + "' in " + embed);
  }

  static boolean ephemeral(JsonNode message) {
    return (message.path("flags").asInt() & 64) != 0;
  }

  void assertWorkersAlive() {
    for (AppProcess w : workers) {
      assertThat(w.isAlive()).as("worker " + w.log + " alive").isTrue();
    }
  }

  String workerLogs() throws IOException {
    StringBuilder b = new StringBuilder();
    for (AppProcess w : workers) {
      b.append(Files.readString(w.log));
    }
    return b.toString();
  }

  @Override
  public void close() throws Exception {
    for (AppProcess w : workers) {
      w.close();
    }
    for (AppProcess i : ingestors) {
      i.close();
    }
    emulator.close();
    broker.close();
    db.close();
  }
}
