package io.arrakis.emulator;

import io.arrakis.emulator.Http.Call;
import io.arrakis.emulator.Http.Reply;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Discord emulator: gateway WebSocket, REST API and control API on one port.
 *
 * <pre>{@code
 * try (DiscordEmulator discord = DiscordEmulator.start(EmulatorConfig.builder().port(0).build())) {
 *   String rest = discord.restUrl();      // http://127.0.0.1:PORT/api/v10/
 *   String ws = discord.gatewayUrl();     // ws://127.0.0.1:PORT/
 *   discord.control().slashCommand(...);  // or HTTP: POST /_emulator/interactions/slash
 * }
 * }</pre>
 */
public final class DiscordEmulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordEmulator.class);

  private final EmulatorConfig cfg;
  private final EmulatorClock clock = new EmulatorClock();
  private final Snowflakes ids = new Snowflakes(clock);
  private final Counters counters = new Counters();
  private final ScheduledExecutorService scheduler;
  private final World world;
  private final Gateway gateway;
  private final Interactions interactions;
  private final Faults faults = new Faults();
  private final RateLimiter limiter;
  private final RestApi rest;
  private final EmulatorControl control;
  private final ControlApi controlApi;
  private final Server server;
  private final ServerConnector connector;

  private DiscordEmulator(EmulatorConfig cfg) {
    this.cfg = cfg;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "emulator-timer");
              t.setDaemon(true);
              return t;
            });
    this.world = new World(ids, clock, cfg.applicationId(), cfg.applicationId(), cfg.botName());
    Seeder.seed(
        world,
        cfg.seedGuilds(),
        cfg.seedMembersPerGuild(),
        cfg.seedRolesPerGuild(),
        cfg.seedChannelsPerGuild());
    this.gateway = new Gateway(cfg, world, counters, scheduler);
    this.interactions = new Interactions(cfg, world, gateway, clock, counters);
    this.limiter = new RateLimiter(cfg.globalRateLimit());
    this.rest = new RestApi(cfg, world, gateway, interactions, limiter, faults, counters);
    this.control =
        new EmulatorControl(cfg, world, gateway, interactions, faults, limiter, counters, clock);
    this.controlApi = new ControlApi(control);

    QueuedThreadPool pool = new QueuedThreadPool(64, 4);
    pool.setName("emulator-http");
    pool.setDaemon(true);
    server = new Server(pool);
    connector = new ServerConnector(server, 1, 1);
    connector.setHost(cfg.host());
    connector.setPort(cfg.port());
    connector.setIdleTimeout(Duration.ofMinutes(10).toMillis());
    WebSocketUpgradeHandler ws = new WebSocketUpgradeHandler();
    ws.getConfiguration().setIdleTimeout(Duration.ofMinutes(10));
    ws.getConfiguration().setMaxTextMessageSize(1 << 20);
    ws.getConfiguration().setMaxBinaryMessageSize(1 << 20);
    ws.getConfiguration().setAutoFragment(false);
    ws.addMapping(
        "/",
        (req, resp, cb) -> {
          if (gateway.refusing()) {
            counters.inc("gateway.refused");
            Response.writeError(req, resp, cb, 503);
            return null;
          }
          resp.setExtensions(List.of());
          return new GatewayConnection(gateway, queryParams(req.getHttpURI().getQuery()));
        });
    ws.setHandler(new Entry());
    server.setHandler(ws);
    server.addConnector(connector);
  }

  /** Starts an emulator; the caller owns it and must {@link #close()} it. */
  public static DiscordEmulator start(EmulatorConfig cfg) {
    DiscordEmulator e = new DiscordEmulator(cfg);
    try {
      e.server.start();
    } catch (Exception ex) {
      e.close();
      throw new IllegalStateException(
          "could not start the Discord emulator on port " + cfg.port(), ex);
    }
    e.gateway.url(e.gatewayUrl());
    LOG.info(
        "Discord emulator listening on {} ({} guilds, token {})",
        e.baseUrl(),
        e.world.guildCount(),
        cfg.token().substring(0, Math.min(4, cfg.token().length())) + "…");
    return e;
  }

  private static Map<String, List<String>> queryParams(String q) {
    Map<String, List<String>> m = new HashMap<>();
    Http.query(q).forEach((k, v) -> m.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    return m;
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://host:port} */
  public String baseUrl() {
    return "http://" + cfg.advertisedHost() + ":" + port();
  }

  /** The REST base JDA wants: {@code http://host:port/api/v10/}. */
  public String restUrl() {
    return baseUrl() + "/api/v10/";
  }

  /** The gateway URL, as {@code GET /gateway} reports it: {@code ws://host:port/}. */
  public String gatewayUrl() {
    return "ws://" + cfg.advertisedHost() + ":" + port() + "/";
  }

  public EmulatorConfig config() {
    return cfg;
  }

  /** Users acting, world setup, faults, load and read-back, in Java. */
  public EmulatorControl control() {
    return control;
  }

  public Counters counters() {
    return counters;
  }

  public EmulatorClock clock() {
    return clock;
  }

  @Override
  public void close() {
    control.stopLoad();
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("stopping the emulator failed", e);
    }
    scheduler.shutdownNow();
  }

  /**
   * Routes plain HTTP: {@code /api[/vN]/…} to Discord's REST API, {@code /_emulator/…} to control.
   */
  private final class Entry extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      List<String> segs = Http.segments(request.getHttpURI().getPath());
      boolean api = !segs.isEmpty() && segs.get(0).equals("api");
      boolean ctl = !segs.isEmpty() && segs.get(0).equals("_emulator");
      if (!api && !ctl) {
        write(response, callback, Reply.error(404, 0, "404: Not Found"));
        return true;
      }
      List<String> rest0 = new ArrayList<>(segs.subList(1, segs.size()));
      if (api && !rest0.isEmpty() && rest0.get(0).matches("v\\d+")) {
        rest0.remove(0);
      }
      Map<String, String> headers = new HashMap<>();
      for (HttpField f : request.getHeaders()) {
        headers.put(f.getLowerCaseName(), f.getValue());
      }
      String method = request.getMethod().toUpperCase(Locale.ROOT);
      String ct = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
      String rawQuery = request.getHttpURI().getQuery();
      Content.Source.asByteArrayAsync(request, 16 << 20)
          .whenComplete(
              (body, err) -> {
                if (err != null) {
                  write(response, callback, Reply.error(400, 0, "could not read body"));
                  return;
                }
                Call call = new Call(method, rest0, Http.query(rawQuery), headers, body, ct);
                try {
                  if (api) {
                    RestApi.Outcome o = rest.handle(call);
                    if (o.delayMs() > 0) {
                      scheduler.schedule(
                          () -> write(response, callback, o.reply()),
                          o.delayMs(),
                          TimeUnit.MILLISECONDS);
                    } else {
                      write(response, callback, o.reply());
                    }
                  } else {
                    write(response, callback, controlApi.handle(call));
                  }
                } catch (RuntimeException e) {
                  LOG.warn("{} {} failed", method, call.path(), e);
                  write(response, callback, Reply.error(500, 0, "500: " + e));
                }
              });
      return true;
    }
  }

  private static void write(Response response, Callback callback, Reply r) {
    response.setStatus(r.status());
    r.headers().forEach((k, v) -> response.getHeaders().put(k, v));
    response.getHeaders().put("via", "1.1 google");
    if (r.body().length > 0) {
      if (!response.getHeaders().contains(HttpHeader.CONTENT_TYPE)) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      }
      response.write(true, ByteBuffer.wrap(r.body()), callback);
    } else {
      response.write(true, null, callback);
    }
  }
}
