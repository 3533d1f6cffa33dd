package io.arrakis.jda.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.command.CommandSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a {@link CommandSet} with Discord by bulk overwrite ({@code PUT
 * /applications/{app}/commands} or {@code …/guilds/{guild}/commands}), the deploy-time operator
 * path behind {@code register-commands}. It holds the bot token: nothing else in the worker does,
 * and the token appears in no log line, exception or {@code toString}.
 *
 * <p>{@link #plan} reads what is registered and compares it, command by command, with ours on the
 * fields Discord keeps ({@link CommandJson#canonical}). {@link #apply} sends the overwrite only
 * when something differs, so a second run changes nothing and says so. A 429 is waited out once (up
 * to {@code maxRateLimitWait}); anything else that is not a 2xx ends the run with a {@link
 * CommandRegistrationException} naming the cause.
 */
public final class CommandRegistrar {
  private static final Logger log = LoggerFactory.getLogger(CommandRegistrar.class);
  static final String USER_AGENT =
      "DiscordBot (https://github.com/arrakis/sietch-gateway-proxy, 0.1)";

  /** Discord, for production; the emulator's {@code http://host:port/api} in tests. */
  public static final URI DISCORD = URI.create("https://discord.com/api");

  private final URI base;
  private final String authorization;
  private final OptionalLong configuredApplicationId;
  private final CommandSet commands;
  private final Duration requestTimeout;
  private final Duration maxRateLimitWait;
  private final HttpClient client;
  private volatile long applicationId;

  /**
   * @param apiBase {@code DISCORD_API_URL}; {@code /v10} is appended unless already there
   * @param botToken the bot token (without the {@code Bot } prefix)
   * @param applicationId the application; empty to look it up with {@code GET /applications/@me}
   * @param commands what to register
   * @param requestTimeout connect and per-request timeout
   * @param maxRateLimitWait longest 429 {@code retry_after} waited out (once)
   */
  public CommandRegistrar(
      URI apiBase,
      String botToken,
      OptionalLong applicationId,
      CommandSet commands,
      Duration requestTimeout,
      Duration maxRateLimitWait) {
    Objects.requireNonNull(apiBase, "apiBase");
    Objects.requireNonNull(botToken, "botToken");
    this.configuredApplicationId = Objects.requireNonNull(applicationId, "applicationId");
    this.commands = Objects.requireNonNull(commands, "commands");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.maxRateLimitWait = Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
    String scheme = apiBase.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("apiBase must be an http(s) URL: " + apiBase);
    }
    String token = botToken.strip();
    if (token.startsWith("Bot ")) {
      token = token.substring(4).strip();
    }
    if (token.isEmpty() || token.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e)) {
      throw new IllegalArgumentException(
          "the bot token is empty or contains spaces or control characters");
    }
    this.authorization = "Bot " + token;
    this.base = versioned(apiBase);
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(requestTimeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    if ("http".equals(base.getScheme())) {
      b.version(HttpClient.Version.HTTP_1_1);
    }
    this.client = b.build();
    this.applicationId = applicationId.orElse(0);
  }

  /** 10 s timeout, a 429 waited out for up to 60 s. */
  public static CommandRegistrar create(
      URI apiBase, String botToken, long applicationId, CommandSet commands) {
    return new CommandRegistrar(
        apiBase,
        botToken,
        applicationId == 0 ? OptionalLong.empty() : OptionalLong.of(applicationId),
        commands,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60));
  }

  /** The definitions this registrar registers. */
  public CommandSet commands() {
    return commands;
  }

  /** Reads what is registered in {@code scope} and compares it with ours. Changes nothing. */
  public CommandPlan plan(CommandScope scope) {
    JsonNode current = send("GET", scope.path(applicationId()), null, scope);
    return diff(scope, current);
  }

  /**
   * Bulk-overwrites {@code scope} with ours when anything differs; otherwise sends nothing. The
   * overwrite replaces the whole scope: commands registered there that are not ours are deleted
   * (listed as removed in the plan).
   */
  public RegistrationResult apply(CommandScope scope) {
    CommandPlan plan = plan(scope);
    if (!plan.hasChanges()) {
      log.info("commands ({}): {} registered, nothing to change", scope, plan.unchanged().size());
      return new RegistrationResult(plan, false, plan.unchanged().size(), List.of());
    }
    ArrayNode body = CommandJson.toJson(commands, scope);
    JsonNode stored = send("PUT", scope.path(applicationId()), body, scope);
    CommandPlan after = diff(scope, stored);
    List<CommandPlan.Change> notAsSent = new ArrayList<>(after.changed());
    after.added().forEach(n -> notAsSent.add(new CommandPlan.Change(n, List.of("missing"))));
    after.removed().forEach(n -> notAsSent.add(new CommandPlan.Change(n, List.of("unexpected"))));
    int registered = stored.isArray() ? stored.size() : commands.size();
    log.info(
        "commands ({}): bulk overwrite sent, {} added, {} changed, {} removed, {} registered",
        scope,
        plan.added().size(),
        plan.changed().size(),
        plan.removed().size(),
        registered);
    if (!notAsSent.isEmpty()) {
      log.warn(
          "commands ({}): Discord stored differently from what was sent: {}", scope, notAsSent);
    }
    return new RegistrationResult(plan, true, registered, notAsSent);
  }

  /** Compares ours with Discord's {@code current} array for {@code scope}. */
  CommandPlan diff(CommandScope scope, JsonNode current) {
    if (!current.isArray()) {
      throw new CommandRegistrationException(
          "Discord answered the command list of " + scope + " with something other than an array",
          200,
          0);
    }
    Map<String, JsonNode> theirs = new LinkedHashMap<>();
    List<String> removed = new ArrayList<>();
    for (JsonNode c : current) {
      int type = c.path("type").asInt(1);
      String name = c.path("name").asText("");
      if (type != 1) {
        // Context-menu commands: an overwrite with slash commands only deletes them.
        removed.add(name + " (type " + type + ")");
      } else {
        theirs.put(name, c);
      }
    }
    List<String> added = new ArrayList<>();
    List<CommandPlan.Change> changed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (var ours : commands.commands()) {
      JsonNode registered = theirs.remove(ours.name());
      if (registered == null) {
        added.add(ours.name());
        continue;
      }
      ObjectNode a = CommandJson.canonical(CommandJson.toJson(ours, scope), scope);
      ObjectNode b = CommandJson.canonical(registered, scope);
      List<String> fields = CommandJson.differences(a, b);
      if (fields.isEmpty()) {
        unchanged.add(ours.name());
      } else {
        changed.add(new CommandPlan.Change(ours.name(), fields));
      }
    }
    removed.addAll(0, theirs.keySet());
    return new CommandPlan(scope, added, changed, removed, unchanged);
  }

  private long applicationId() {
    long id = applicationId;
    if (id == 0) {
      JsonNode app = send("GET", "applications/@me", null, null);
      try {
        id = Long.parseUnsignedLong(app.path("id").asText());
      } catch (NumberFormatException e) {
        throw new CommandRegistrationException(
            "GET /applications/@me returned no application id", 200, 0);
      }
      applicationId = id;
    }
    return id;
  }

  private JsonNode send(String method, String path, JsonNode body, CommandScope scope) {
    URI uri = base.resolve(path);
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Authorization", authorization)
            .header("User-Agent", USER_AGENT)
            .header("Accept", "application/json");
    if (body == null) {
      rb.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      rb.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    }
    HttpRequest request = rb.build();
    String what = method + " /" + path;
    boolean waited = false;
    while (true) {
      HttpResponse<String> resp;
      try {
        resp = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new CommandRegistrationException(
            what + " failed before Discord answered (" + e.getClass().getSimpleName() + ")", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommandRegistrationException(what + " interrupted", e);
      }
      int status = resp.statusCode();
      JsonNode json = parse(resp.body());
      if (status >= 200 && status < 300) {
        return json == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : json;
      }
      if (status == 429 && !waited) {
        long waitMs = retryAfterMillis(resp, json);
        if (waitMs <= maxRateLimitWait.toMillis()) {
          log.info("{}: rate limited, retrying once in {} ms", what, waitMs);
          waited = true;
          sleep(waitMs, what);
          continue;
        }
      }
      throw failure(what, status, json, scope);
    }
  }

  private CommandRegistrationException failure(
      String what, int status, JsonNode json, CommandScope scope) {
    int code = json == null ? 0 : json.path("code").asInt(0);
    String message = json == null ? "" : json.path("message").asText("");
    String detail = message.isEmpty() ? "" : ": " + message;
    String text =
        switch (status) {
          case 401 ->
              what
                  + " was refused with 401 Unauthorized: Discord does not accept the bot token"
                  + " (check DISCORD_BOT_TOKEN)";
          case 403 ->
              what
                  + " was refused with 403 (code "
                  + code
                  + detail
                  + "): the application id does not belong to this bot token"
                  + (scope != null && !scope.isGlobal()
                      ? ", or the application is not in guild " + scope.guildId()
                      : "");
          case 404 ->
              what
                  + " answered 404 (code "
                  + code
                  + detail
                  + ")"
                  + (scope != null && !scope.isGlobal()
                      ? ": is " + scope.guildId() + " a guild the bot is in?"
                      : "");
          case 429 ->
              what
                  + " is rate limited"
                  + (json != null && json.has("retry_after")
                      ? " for " + json.path("retry_after").asText() + " s"
                      : "")
                  + " after one wait; run again later";
          case 400 ->
              what
                  + " was refused as invalid (code "
                  + code
                  + detail
                  + ")"
                  + (json != null && json.has("errors") ? ": " + json.get("errors") : "");
          default ->
              what
                  + " failed with HTTP "
                  + status
                  + (code != 0 ? " (code " + code + detail + ")" : detail)
                  + "; running again is safe";
        };
    return new CommandRegistrationException(text, status, code);
  }

  private static void sleep(long ms, String what) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandRegistrationException(what + " interrupted", e);
    }
  }

  /** The body's {@code retry_after} (seconds, fractional), else the header, else 1 s. */
  static long retryAfterMillis(HttpResponse<?> resp, JsonNode json) {
    if (json != null && json.path("retry_after").isNumber()) {
      return Math.max(0, (long) Math.ceil(json.path("retry_after").asDouble() * 1000));
    }
    return resp.headers()
        .firstValue("Retry-After")
        .map(
            v -> {
              try {
                return Math.max(0, (long) Math.ceil(Double.parseDouble(v.trim()) * 1000));
              } catch (NumberFormatException e) {
                return 1000L;
              }
            })
        .orElse(1000L);
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isEmpty()) {
      return null;
    }
    try {
      return CommandJson.MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return CommandJson.MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static URI versioned(URI apiBase) {
    String s = apiBase.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (!s.endsWith("/v10")) {
      s = s + "/v10";
    }
    return URI.create(s + "/");
  }

  @Override
  public String toString() {
    return "CommandRegistrar[" + base + ", application " + configuredApplicationId + "]";
  }
}
