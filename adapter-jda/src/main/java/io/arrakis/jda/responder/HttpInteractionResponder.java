package io.arrakis.jda.responder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.Attachment;
import io.arrakis.discord.InteractionResponder;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.InteractionToken;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.ResponseOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link InteractionResponder} over the JDK HTTP client. Requests carry no {@code Authorization}
 * header: the interaction routes authenticate by the interaction token in the path, and the worker
 * never has the bot token. See {@code adapter-jda/RESPONDER.md} for the retry reasoning.
 */
final class HttpInteractionResponder implements InteractionResponder {
  private static final Logger log = LoggerFactory.getLogger(HttpInteractionResponder.class);
  static final String USER_AGENT =
      "DiscordBot (https://github.com/arrakis/sietch-gateway-proxy, 0.1)";
  private static final int UNKNOWN_MESSAGE = 10008;
  private static final int ALREADY_ACKNOWLEDGED = 40060;

  /** The four routes; {@code idempotent} routes are safe to resend whatever happened before. */
  enum Route {
    CALLBACK("callback", true),
    FOLLOWUP("followup", false),
    EDIT_ORIGINAL("edit_original", true),
    DELETE_ORIGINAL("delete_original", true);

    final String tag;
    final boolean idempotent;

    Route(String tag, boolean idempotent) {
      this.tag = tag;
      this.idempotent = idempotent;
    }
  }

  private final ResponderSettings settings;
  private final URI base;
  private final HttpClient client;
  private final MeterRegistry registry;

  HttpInteractionResponder(ResponderSettings settings, MeterRegistry registry) {
    this.settings = settings;
    this.base = settings.versionedBase();
    this.registry = registry;
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(settings.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    if ("http".equals(base.getScheme())) {
      // Plain-text HTTP/2 would mean an h2c upgrade dance on every new connection.
      b.version(HttpClient.Version.HTTP_1_1);
    }
    this.client = b.build();
  }

  @Override
  public ResponseOutcome respond(InteractionToken t, InteractionResponse response) {
    URI uri =
        base.resolve(
            "interactions/"
                + Long.toUnsignedString(t.interactionId())
                + "/"
                + segment(t.token())
                + "/callback?with_response=true");
    return execute(
        Route.CALLBACK,
        t,
        "POST",
        uri,
        PayloadJson.callback(response),
        PayloadJson.files(response));
  }

  @Override
  public ResponseOutcome followup(InteractionToken t, MessagePayload message) {
    URI uri = webhook(t, "?wait=true");
    return execute(
        Route.FOLLOWUP, t, "POST", uri, PayloadJson.message(message), message.attachments());
  }

  @Override
  public ResponseOutcome editOriginal(InteractionToken t, MessagePayload message) {
    URI uri = webhook(t, "/messages/%40original");
    return execute(
        Route.EDIT_ORIGINAL,
        t,
        "PATCH",
        uri,
        PayloadJson.replacement(message),
        message.attachments());
  }

  @Override
  public ResponseOutcome deleteOriginal(InteractionToken t) {
    URI uri = webhook(t, "/messages/%40original");
    return execute(Route.DELETE_ORIGINAL, t, "DELETE", uri, null, List.of());
  }

  private URI webhook(InteractionToken t, String tail) {
    return base.resolve(
        "webhooks/" + Long.toUnsignedString(t.applicationId()) + "/" + segment(t.token()) + tail);
  }

  private ResponseOutcome execute(
      Route route,
      InteractionToken t,
      String method,
      URI uri,
      ObjectNode body,
      List<Attachment> files) {
    long start = System.nanoTime();
    ResponseOutcome outcome = attempt(route, t, method, uri, body, files);
    String tag;
    String reason = "none";
    if (outcome instanceof ResponseOutcome.Sent s) {
      tag = s.confirmed() ? "sent" : "sent_unconfirmed";
    } else if (outcome instanceof ResponseOutcome.Rejected r) {
      tag = "rejected";
      reason = r.reason().name().toLowerCase(Locale.ROOT);
    } else {
      tag = "unavailable";
    }
    Timer.builder("discord.interaction.response")
        .description("Interaction-token REST calls, retries included")
        .tag("route", route.tag)
        .tag("outcome", tag)
        .tag("reason", reason)
        .publishPercentileHistogram()
        .register(registry)
        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    return outcome;
  }

  private ResponseOutcome attempt(
      Route route,
      InteractionToken t,
      String method,
      URI uri,
      ObjectNode body,
      List<Attachment> files) {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("User-Agent", USER_AGENT)
            .header("Accept", "application/json");
    if (body == null) {
      rb.method(method, HttpRequest.BodyPublishers.noBody());
    } else if (!files.isEmpty()) {
      // Files go as Discord's upload form; the same bytes are resent on a retry.
      MultipartBody form = MultipartBody.of(bytes(body), files);
      rb.header("Content-Type", form.contentType())
          .method(method, HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
    } else {
      rb.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    }
    HttpRequest request = rb.build();
    // True once an attempt may have reached Discord without us seeing its answer.
    boolean unknownEarlier = false;
    String cause = "";
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> resp;
      try {
        resp = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (HttpConnectTimeoutException | ConnectException e) {
        // Never connected: nothing was sent, a retry cannot duplicate anything.
        cause = "connect failed: " + e.getClass().getSimpleName();
        if (attempt >= settings.maxAttempts()) {
          return unavailable(route, t, cause, attempt, unknownEarlier);
        }
        retried(route, "connect");
        backoff(attempt);
        continue;
      } catch (HttpTimeoutException e) {
        cause = "no response within " + settings.requestTimeout().toMillis() + " ms";
        unknownEarlier = true;
        if (!route.idempotent || attempt >= settings.maxAttempts()) {
          return unavailable(route, t, cause, attempt, true);
        }
        retried(route, "timeout");
        backoff(attempt);
        continue;
      } catch (IOException e) {
        // Reset or EOF mid-exchange: the request may or may not have been processed.
        cause = "I/O error: " + e.getClass().getSimpleName();
        unknownEarlier = true;
        if (!route.idempotent || attempt >= settings.maxAttempts()) {
          return unavailable(route, t, cause, attempt, true);
        }
        retried(route, "io");
        backoff(attempt);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return unavailable(route, t, "interrupted", attempt, true);
      }

      int status = resp.statusCode();
      if (status >= 200 && status < 300) {
        return new ResponseOutcome.Sent(messageId(route, resp.body()), attempt, true);
      }
      JsonNode json = parse(resp.body());
      if (status == 429) {
        long waitMs = retryAfterMillis(resp, json);
        cause = "rate limited for " + waitMs + " ms";
        if (waitMs > settings.maxRateLimitWait().toMillis() || attempt >= settings.maxAttempts()) {
          return unavailable(route, t, cause, attempt, unknownEarlier);
        }
        retried(route, "429");
        // A 429 means Discord did nothing: safe for every route, followups included.
        if (!sleep(waitMs)) {
          return unavailable(route, t, "interrupted", attempt, unknownEarlier);
        }
        continue;
      }
      if (status >= 500) {
        cause = "HTTP " + status;
        // 502/503: the edge did not get an answer from / did not forward to the API, so nothing
        // was created. 500/504: the API may have acted before failing.
        boolean notProcessed = status == 502 || status == 503;
        if (!notProcessed) {
          unknownEarlier = true;
        }
        if ((!route.idempotent && !notProcessed) || attempt >= settings.maxAttempts()) {
          return unavailable(route, t, cause, attempt, unknownEarlier);
        }
        retried(route, "5xx");
        backoff(attempt);
        continue;
      }
      int code = json == null ? 0 : json.path("code").asInt(0);
      String message = json == null ? "" : json.path("message").asText("");
      if (unknownEarlier
          && ((route == Route.CALLBACK && code == ALREADY_ACKNOWLEDGED)
              || (route == Route.DELETE_ORIGINAL && code == UNKNOWN_MESSAGE))) {
        // An earlier attempt whose answer we lost did the work.
        log.info(
            "{} {}: attempt {} found it already done ({}); the earlier attempt succeeded",
            route.tag,
            t,
            attempt,
            code);
        return new ResponseOutcome.Sent(OptionalLong.empty(), attempt, false);
      }
      ResponseOutcome.Reason reason = ResponseOutcome.Reason.of(code);
      log.debug("{} {}: rejected {} {} {}", route.tag, t, status, code, message);
      return new ResponseOutcome.Rejected(reason, status, code, message, attempt);
    }
  }

  private ResponseOutcome unavailable(
      Route route, InteractionToken t, String cause, int attempts, boolean mayHaveBeenDelivered) {
    log.warn(
        "{} {}: giving up after {} attempt(s): {}{}",
        route.tag,
        t,
        attempts,
        cause,
        mayHaveBeenDelivered ? " (Discord may have acted on it)" : "");
    return new ResponseOutcome.Unavailable(cause, attempts, mayHaveBeenDelivered);
  }

  private void retried(Route route, String why) {
    Counter.builder("discord.interaction.retries")
        .description("Interaction-token REST attempts that were retried")
        .tag("route", route.tag)
        .tag("cause", why)
        .register(registry)
        .increment();
  }

  private void backoff(int attempt) {
    long base = settings.retryBackoff().toMillis() << Math.min(attempt - 1, 6);
    long jitter = base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2 + 1);
    sleep(base + jitter);
  }

  private static boolean sleep(long ms) {
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
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
                return (long) Math.ceil(Double.parseDouble(v.trim()) * 1000);
              } catch (NumberFormatException e) {
                return 1000L;
              }
            })
        .orElse(1000L);
  }

  private static OptionalLong messageId(Route route, String body) {
    JsonNode json = parse(body);
    if (json == null) {
      return OptionalLong.empty();
    }
    JsonNode id =
        route == Route.CALLBACK
            ? json.path("interaction").path("response_message_id")
            : json.path("id");
    if (id.isMissingNode() || id.isNull()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseUnsignedLong(id.asText()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isEmpty()) {
      return null;
    }
    try {
      return PayloadJson.MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static byte[] bytes(ObjectNode body) {
    try {
      return PayloadJson.MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise a Jackson tree", e);
    }
  }

  /** Percent-encodes a path segment (tokens are URL-safe on Discord, but never trust that). */
  static String segment(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", c & 0xff));
      }
    }
    return b.toString();
  }
}
