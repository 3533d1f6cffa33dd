package io.arrakis.ingestor;

import io.arrakis.messaging.TopologyProfile;
import java.net.URI;
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
    int publishBuffer) {

  static IngestorConfig fromEnvironment(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    String token = env.getOrDefault("DISCORD_BOT_TOKEN", "").trim();
    if (token.isEmpty()) {
      problems.add(
          "DISCORD_BOT_TOKEN is required (the bot token; the ingestor is the only process that holds it)");
    }
    Optional<String> apiUrl =
        optionalUrl(env, "DISCORD_API_URL", List.of("http", "https"), problems);
    Optional<String> gatewayUrl =
        optionalUrl(env, "DISCORD_GATEWAY_URL", List.of("ws", "wss"), problems);
    Optional<Integer> shardCount = Optional.empty();
    if (!blank(env.get("SHARD_COUNT"))) {
      shardCount = Optional.of(positiveInt(env, "SHARD_COUNT", 1, problems));
    }
    List<Integer> shardIds = List.of();
    if (!blank(env.get("SHARD_IDS"))) {
      if (shardCount.isEmpty()) {
        problems.add("SHARD_IDS needs SHARD_COUNT (which shards of how many)");
      } else {
        shardIds = parseShardIds(env.get("SHARD_IDS"), shardCount.get(), problems);
      }
    } else if (shardCount.isPresent()) {
      shardIds = range(0, shardCount.get() - 1);
    }
    URI rabbitUrl =
        url(
            env,
            "RABBITMQ_URL",
            "amqp://guest:guest@127.0.0.1:5672/",
            List.of("amqp", "amqps"),
            problems);
    TopologyProfile topology = TopologyProfile.CLASSIC_PRIORITY;
    try {
      topology =
          TopologyProfile.fromConfig(env.getOrDefault("RABBITMQ_TOPOLOGY", "classic-priority"));
    } catch (IllegalArgumentException ex) {
      problems.add(ex.getMessage());
    }
    URI redisUrl =
        url(env, "REDIS_URL", "redis://127.0.0.1:6379", List.of("redis", "rediss"), problems);
    String healthHost = env.getOrDefault("HEALTH_HOST", "0.0.0.0");
    int healthPort = port(env, "HEALTH_PORT", 8080, problems);
    int buffer =
        env.containsKey("PUBLISH_BUFFER")
            ? positiveInt(env, "PUBLISH_BUFFER", 1, problems)
            : 10_000;
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
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
        buffer);
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
        + ", health "
        + healthHost
        + ":"
        + healthPort
        + ", token ***]";
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static List<Integer> parseShardIds(String spec, int count, List<String> problems) {
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
        problems.add("SHARD_IDS must be numbers and ranges like 0-3,8; got '" + spec + "'");
        return List.of();
      }
    }
    if (ids.isEmpty() || ids.first() < 0 || ids.last() >= count) {
      problems.add(
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

  private static Optional<String> optionalUrl(
      Map<String, String> env, String name, List<String> schemes, List<String> problems) {
    String value = env.get(name);
    if (blank(value)) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(value.trim());
      if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
        problems.add(
            name + " must be a " + String.join("/", schemes) + " URL; got '" + value + "'");
        return Optional.empty();
      }
      return Optional.of(value.trim());
    } catch (IllegalArgumentException ex) {
      problems.add(name + " is not a URL: '" + value + "'");
      return Optional.empty();
    }
  }

  private static URI url(
      Map<String, String> env,
      String name,
      String fallback,
      List<String> schemes,
      List<String> problems) {
    String value = blank(env.get(name)) ? fallback : env.get(name).trim();
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
        // Never echo the value: it may carry a password.
        problems.add(name + " must be a " + String.join("/", schemes) + " URL");
        return URI.create(fallback);
      }
      return uri;
    } catch (IllegalArgumentException ex) {
      problems.add(name + " is not a valid URL");
      return URI.create(fallback);
    }
  }

  private static int port(
      Map<String, String> env, String name, int fallback, List<String> problems) {
    if (blank(env.get(name))) {
      return fallback;
    }
    int value = positiveInt(env, name, 0, problems);
    if (value > 65_535) {
      problems.add(name + " must be a port number (0-65535); got " + value);
    }
    return value;
  }

  private static int positiveInt(
      Map<String, String> env, String name, int min, List<String> problems) {
    String value = env.get(name).trim();
    try {
      int n = Integer.parseInt(value);
      if (n < min) {
        problems.add(name + " must be at least " + min + "; got " + n);
      }
      return n;
    } catch (NumberFormatException ex) {
      problems.add(name + " must be a whole number; got '" + value + "'");
      return min;
    }
  }
}
