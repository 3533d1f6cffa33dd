package io.arrakis.ingestor;

import io.arrakis.app.Environment;
import io.arrakis.ingestor.actions.ActionSettings;
import io.arrakis.ingestor.actions.GuildRolePace;
import io.arrakis.messaging.TopologyProfile;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The ingestor's configuration, read from the environment and validated as a whole: a bad start
 * names every missing or invalid variable at once (architecture section 7).
 */
record IngestorConfig(
    String botToken,
    Optional<String> apiUrl,
    Optional<String> gatewayUrl,
    Optional<Integer> shardCount,
    List<Integer> shardIds,
    URI rabbitUrl,
    TopologyProfile topology,
    URI redisUrl,
    String healthHost,
    int healthPort,
    int publishBuffer,
    ActionSettings actions,
    GuildRolePace rolePace) {

  static IngestorConfig fromEnvironment(Map<String, String> variables) {
    Environment env = new Environment(variables);
    String token = env.string("DISCORD_BOT_TOKEN", "");
    if (token.isEmpty()) {
      env.problem(
          "DISCORD_BOT_TOKEN is required (the bot token; the ingestor is the only process that holds it)");
    }
    Optional<String> apiUrl = env.optionalUrl("DISCORD_API_URL", List.of("http", "https"));
    Optional<String> gatewayUrl = env.optionalUrl("DISCORD_GATEWAY_URL", List.of("ws", "wss"));
    Optional<Integer> shardCount = Optional.empty();
    if (env.isSet("SHARD_COUNT")) {
      shardCount = Optional.of(env.integer("SHARD_COUNT", 1, 1));
    }
    List<Integer> shardIds = List.of();
    if (env.isSet("SHARD_IDS")) {
      if (shardCount.isEmpty()) {
        env.problem("SHARD_IDS needs SHARD_COUNT (which shards of how many)");
      } else {
        shardIds = parseShardIds(env.string("SHARD_IDS", ""), shardCount.get(), env);
      }
    } else if (shardCount.isPresent()) {
      shardIds = range(0, shardCount.get() - 1);
    }
    URI rabbitUrl =
        env.url("RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672/", List.of("amqp", "amqps"));
    TopologyProfile topology = TopologyProfile.CLASSIC_PRIORITY;
    try {
      topology = TopologyProfile.fromConfig(env.string("RABBITMQ_TOPOLOGY", "classic-priority"));
    } catch (IllegalArgumentException ex) {
      env.problem(ex.getMessage());
    }
    URI redisUrl = env.url("REDIS_URL", "redis://127.0.0.1:6379", List.of("redis", "rediss"));
    String healthHost = env.string("HEALTH_HOST", "0.0.0.0");
    int healthPort = env.port("HEALTH_PORT", 8080);
    int buffer = env.integer("PUBLISH_BUFFER", 1, 10_000);
    ActionSettings actions = actionSettings(env);
    int roleChanges = env.integer("ACTION_GUILD_ROLE_CHANGES", 1, GuildRolePace.DISCORD.changes());
    int roleWindowMillis =
        env.integer(
            "ACTION_GUILD_ROLE_WINDOW_MS", 1, (int) GuildRolePace.DISCORD.window().toMillis());
    env.validate();
    return new IngestorConfig(
        token,
        apiUrl,
        gatewayUrl,
        shardCount,
        shardIds,
        rabbitUrl,
        topology,
        redisUrl,
        healthHost,
        healthPort,
        buffer,
        actions,
        new GuildRolePace(roleChanges, Duration.ofMillis(roleWindowMillis)));
  }

  /** The privileged-action variables; {@code null} when one is bad (the problem is recorded). */
  private static ActionSettings actionSettings(Environment env) {
    int rate = env.integer("ACTION_RATE_PER_SECOND", 1, ActionSettings.DEFAULT_RATE_PER_SECOND);
    if (rate > ActionSettings.DISCORD_GLOBAL_LIMIT) {
      env.problem(
          "ACTION_RATE_PER_SECOND must be at most "
              + ActionSettings.DISCORD_GLOBAL_LIMIT
              + " (Discord's global limit); got "
              + rate);
    }
    int prefetch = env.integer("ACTION_PREFETCH", 1, ActionSettings.DEFAULT_PREFETCH);
    int concurrency = env.integer("ACTION_CONCURRENCY", 1, ActionSettings.DEFAULT_CONCURRENCY);
    int ingestors = env.integer("INGESTOR_COUNT", 1, ActionSettings.DEFAULT_INGESTOR_COUNT);
    int slowAt = env.integer("ACTION_INVALID_SLOW_AT", 1, ActionSettings.DEFAULT_INVALID_SLOW_AT);
    int stopAt = env.integer("ACTION_INVALID_STOP_AT", 1, ActionSettings.DEFAULT_INVALID_STOP_AT);
    if (stopAt <= slowAt || stopAt >= ActionSettings.DISCORD_INVALID_REQUEST_BAN) {
      env.problem(
          "ACTION_INVALID_STOP_AT must be above ACTION_INVALID_SLOW_AT ("
              + slowAt
              + ") and below Discord's ban threshold of "
              + ActionSettings.DISCORD_INVALID_REQUEST_BAN
              + "; got "
              + stopAt);
    }
    int slowdownMillis =
        env.integer(
            "ACTION_INVALID_SLOWDOWN_MS", 0, (int) ActionSettings.DEFAULT_SLOWDOWN.toMillis());
    if (slowdownMillis > ActionSettings.MAX_SLOWDOWN.toMillis()) {
      env.problem(
          "ACTION_INVALID_SLOWDOWN_MS must be at most "
              + ActionSettings.MAX_SLOWDOWN.toMillis()
              + " (a delivery is held while it waits); got "
              + slowdownMillis);
    }
    try {
      return new ActionSettings(
          rate,
          prefetch,
          concurrency,
          ingestors,
          slowAt,
          stopAt,
          Duration.ofMillis(slowdownMillis));
    } catch (IllegalArgumentException ex) {
      return null; // every cause is a problem recorded above; validate() reports them
    }
  }

  @Override
  public String toString() {
    return "IngestorConfig[api "
        + apiUrl.orElse("discord")
        + ", gateway "
        + gatewayUrl.orElse("from /gateway/bot")
        + ", shards "
        + (shardIds.isEmpty() ? "all" : shardIds)
        + " of "
        + shardCount.map(String::valueOf).orElse("recommended")
        + ", topology "
        + topology.configName()
        + ", actions "
        + actions.ratePerSecond()
        + "/s shared, prefetch "
        + actions.prefetch()
        + " x "
        + actions.concurrency()
        + " threads, "
        + actions.ingestorCount()
        + " ingestor(s), invalid answers slow/stop at "
        + actions.invalidSlowAt()
        + "/"
        + actions.invalidStopAt()
        + ", health "
        + healthHost
        + ":"
        + healthPort
        + ", token ***]";
  }

  static List<Integer> parseShardIds(String spec, int count, Environment problems) {
    TreeSet<Integer> ids = new TreeSet<>();
    for (String part : spec.split(",")) {
      String p = part.trim();
      try {
        if (p.contains("-")) {
          String[] bounds = p.split("-", 2);
          ids.addAll(range(Integer.parseInt(bounds[0].trim()), Integer.parseInt(bounds[1].trim())));
        } else {
          ids.add(Integer.parseInt(p));
        }
      } catch (NumberFormatException ex) {
        problems.problem("SHARD_IDS must be numbers and ranges like 0-3,8; got '" + spec + "'");
        return List.of();
      }
    }
    if (ids.isEmpty() || ids.first() < 0 || ids.last() >= count) {
      problems.problem(
          "SHARD_IDS must lie in 0.."
              + (count - 1)
              + " (SHARD_COUNT "
              + count
              + "); got '"
              + spec
              + "'");
      return List.of();
    }
    return List.copyOf(ids);
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> ids = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      ids.add(i);
    }
    return ids;
  }
}
