package io.arrakis.jda.responder;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP responder talks to Discord.
 *
 * @param apiBase {@code DISCORD_API_URL}, e.g. {@code https://discord.com/api} or the emulator's
 *     {@code http://127.0.0.1:8090/api}; {@code /v10} is appended unless already there
 * @param requestTimeout connect timeout and per-request response timeout
 * @param maxAttempts attempts per call, first one included (429s, 5xx, timeouts)
 * @param maxRateLimitWait a 429 asking to wait longer than this ends the call as unavailable
 *     instead of blocking the worker thread
 * @param retryBackoff first pause before retrying a 5xx or timeout; doubled each time
 */
public record ResponderSettings(
    URI apiBase,
    Duration requestTimeout,
    int maxAttempts,
    Duration maxRateLimitWait,
    Duration retryBackoff) {

  public static final URI DISCORD = URI.create("https://discord.com/api");

  public ResponderSettings {
    Objects.requireNonNull(apiBase, "apiBase");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    String scheme = apiBase.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("apiBase must be an http(s) URL: " + apiBase);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException("maxAttempts must be 1-10: " + maxAttempts);
    }
    if (maxRateLimitWait.isNegative() || retryBackoff.isNegative()) {
      throw new IllegalArgumentException("waits must not be negative");
    }
  }

  /** 3 attempts, rate limits waited out up to 5 s, 100 ms first backoff. */
  public static ResponderSettings defaults(URI apiBase, Duration requestTimeout) {
    return new ResponderSettings(
        apiBase, requestTimeout, 3, Duration.ofSeconds(5), Duration.ofMillis(100));
  }

  /** {@code apiBase} ending in {@code /v10/}. */
  URI versionedBase() {
    String s = apiBase.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (!s.endsWith("/v10")) {
      s = s + "/v10";
    }
    return URI.create(s + "/");
  }
}
