package io.arrakis.emulator;

import java.time.Duration;

/**
 * Frozen configuration of one emulator instance. Defaults are Discord's own numbers; tests shorten
 * the timers they need to observe (heartbeats, resume window) instead of sleeping through them.
 *
 * @param host interface to bind (loopback by default)
 * @param advertisedHost host name put in the URLs the emulator hands out (gateway URL, {@code
 *     resume_gateway_url}); null means {@code host}, or 127.0.0.1 when binding a wildcard address
 * @param port TCP port, 0 for an ephemeral one
 * @param token the bot token it accepts (without the {@code Bot } prefix)
 * @param applicationId the application's snowflake (also the bot user's id, as on Discord)
 * @param botName the bot's username
 * @param seedGuilds guilds in the seeded default world
 * @param seedMembersPerGuild ordinary members per seeded guild (besides owner and bot)
 * @param seedRolesPerGuild roles per seeded guild including @everyone and the bot's (at least 8)
 * @param seedChannelsPerGuild text channels per seeded guild (at least 3)
 * @param recommendedShards {@code shards} reported by {@code GET /gateway/bot}
 * @param maxConcurrency {@code session_start_limit.max_concurrency}
 * @param sessionStartLimit {@code session_start_limit.total}
 * @param identifyInterval minimum spacing of identifies within one concurrency bucket
 * @param heartbeatInterval the {@code heartbeat_interval} sent in HELLO
 * @param zombieTimeout close a connection (4009) when no heartbeat arrived for this long
 * @param resumeWindow how long a session dropped abnormally stays resumable
 * @param resumeBufferSize dispatches kept per session for replay on RESUME
 * @param maxGuildsPerShard above this a shard must be split (close 4011)
 * @param allowedPrivilegedIntents privileged intents the application has enabled
 * @param globalRateLimit requests per second per bot token (Discord: 50)
 * @param interactionResponseWindow how long an interaction accepts its callback (Discord: 3 s)
 * @param interactionTokenLifetime how long interaction webhooks work (Discord: 15 min)
 */
public record EmulatorConfig(
    String host,
    String advertisedHost,
    int port,
    String token,
    long applicationId,
    String botName,
    int seedGuilds,
    int seedMembersPerGuild,
    int seedRolesPerGuild,
    int seedChannelsPerGuild,
    int recommendedShards,
    int maxConcurrency,
    int sessionStartLimit,
    Duration identifyInterval,
    Duration heartbeatInterval,
    Duration zombieTimeout,
    Duration resumeWindow,
    int resumeBufferSize,
    int maxGuildsPerShard,
    int allowedPrivilegedIntents,
    int globalRateLimit,
    Duration interactionResponseWindow,
    Duration interactionTokenLifetime) {

  public static final String DEFAULT_TOKEN = "emulator-bot-token";
  public static final long DEFAULT_APPLICATION_ID = 1_200_000_000_000_000_001L;

  /** Privileged intents: GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT. */
  public static final int PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

  public EmulatorConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    if (recommendedShards < 1 || maxConcurrency < 1) {
      throw new IllegalArgumentException("shards and max_concurrency must be >= 1");
    }
    if (seedGuilds < 0 || seedMembersPerGuild < 0) {
      throw new IllegalArgumentException("seed sizes must be >= 0");
    }
    if (resumeBufferSize < 1) {
      throw new IllegalArgumentException("resumeBufferSize must be >= 1");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.advertisedHost = advertisedHost;
    b.port = port;
    b.token = token;
    b.applicationId = applicationId;
    b.botName = botName;
    b.seedGuilds = seedGuilds;
    b.seedMembersPerGuild = seedMembersPerGuild;
    b.seedRolesPerGuild = seedRolesPerGuild;
    b.seedChannelsPerGuild = seedChannelsPerGuild;
    b.recommendedShards = recommendedShards;
    b.maxConcurrency = maxConcurrency;
    b.sessionStartLimit = sessionStartLimit;
    b.identifyInterval = identifyInterval;
    b.heartbeatInterval = heartbeatInterval;
    b.zombieTimeout = zombieTimeout;
    b.resumeWindow = resumeWindow;
    b.resumeBufferSize = resumeBufferSize;
    b.maxGuildsPerShard = maxGuildsPerShard;
    b.allowedPrivilegedIntents = allowedPrivilegedIntents;
    b.globalRateLimit = globalRateLimit;
    b.interactionResponseWindow = interactionResponseWindow;
    b.interactionTokenLifetime = interactionTokenLifetime;
    return b;
  }

  /** Mutable builder; {@link #build()} validates and freezes. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private String advertisedHost = null;
    private int port = 8090;
    private String token = DEFAULT_TOKEN;
    private long applicationId = DEFAULT_APPLICATION_ID;
    private String botName = "Sietch";
    private int seedGuilds = 2;
    private int seedMembersPerGuild = 5;
    private int seedRolesPerGuild = 8;
    private int seedChannelsPerGuild = 3;
    private int recommendedShards = 1;
    private int maxConcurrency = 1;
    private int sessionStartLimit = 1000;
    private Duration identifyInterval = Duration.ofSeconds(5);
    private Duration heartbeatInterval = Duration.ofMillis(41_250);
    private Duration zombieTimeout = null;
    private Duration resumeWindow = Duration.ofMinutes(2);
    private int resumeBufferSize = 50_000;
    private int maxGuildsPerShard = 2500;
    private int allowedPrivilegedIntents = PRIVILEGED_INTENTS;
    private int globalRateLimit = 50;
    private Duration interactionResponseWindow = Duration.ofSeconds(3);
    private Duration interactionTokenLifetime = Duration.ofMinutes(15);

    public Builder host(String v) {
      host = v;
      return this;
    }

    public Builder advertisedHost(String v) {
      advertisedHost = v;
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder token(String v) {
      token = v;
      return this;
    }

    public Builder applicationId(long v) {
      applicationId = v;
      return this;
    }

    public Builder botName(String v) {
      botName = v;
      return this;
    }

    public Builder seedGuilds(int v) {
      seedGuilds = v;
      return this;
    }

    public Builder seedMembersPerGuild(int v) {
      seedMembersPerGuild = v;
      return this;
    }

    public Builder seedRolesPerGuild(int v) {
      seedRolesPerGuild = v;
      return this;
    }

    public Builder seedChannelsPerGuild(int v) {
      seedChannelsPerGuild = v;
      return this;
    }

    public Builder recommendedShards(int v) {
      recommendedShards = v;
      return this;
    }

    public Builder maxConcurrency(int v) {
      maxConcurrency = v;
      return this;
    }

    public Builder sessionStartLimit(int v) {
      sessionStartLimit = v;
      return this;
    }

    public Builder identifyInterval(Duration v) {
      identifyInterval = v;
      return this;
    }

    public Builder heartbeatInterval(Duration v) {
      heartbeatInterval = v;
      return this;
    }

    public Builder zombieTimeout(Duration v) {
      zombieTimeout = v;
      return this;
    }

    public Builder resumeWindow(Duration v) {
      resumeWindow = v;
      return this;
    }

    public Builder resumeBufferSize(int v) {
      resumeBufferSize = v;
      return this;
    }

    public Builder maxGuildsPerShard(int v) {
      maxGuildsPerShard = v;
      return this;
    }

    public Builder allowedPrivilegedIntents(int v) {
      allowedPrivilegedIntents = v;
      return this;
    }

    public Builder globalRateLimit(int v) {
      globalRateLimit = v;
      return this;
    }

    public Builder interactionResponseWindow(Duration v) {
      interactionResponseWindow = v;
      return this;
    }

    public Builder interactionTokenLifetime(Duration v) {
      interactionTokenLifetime = v;
      return this;
    }

    public EmulatorConfig build() {
      Duration zombie = zombieTimeout != null ? zombieTimeout : heartbeatInterval.multipliedBy(2);
      String advertised = advertisedHost;
      if (advertised == null || advertised.isBlank()) {
        advertised =
            host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
      }
      return new EmulatorConfig(
          host,
          advertised,
          port,
          token,
          applicationId,
          botName,
          seedGuilds,
          seedMembersPerGuild,
          seedRolesPerGuild,
          seedChannelsPerGuild,
          recommendedShards,
          maxConcurrency,
          sessionStartLimit,
          identifyInterval,
          heartbeatInterval,
          zombie,
          resumeWindow,
          resumeBufferSize,
          maxGuildsPerShard,
          allowedPrivilegedIntents,
          globalRateLimit,
          interactionResponseWindow,
          interactionTokenLifetime);
    }
  }
}
