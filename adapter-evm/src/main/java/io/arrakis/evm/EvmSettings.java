package io.arrakis.evm;

import io.arrakis.domain.common.Address;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Validated, frozen settings of one chain's JSON-RPC source (spec §2 operator settings, the {@code
 * chains} table). Defaults follow the spec: 10,000-block log windows with 200 ms pauses, balance
 * batches of 100, 30 s request timeout, 2 retries 1 s apart, an endpoint unhealthy after 3
 * consecutive failures, the zero address as the only burn address.
 *
 * <p>The token address and the scan start block are per community ({@code token_address}, {@code
 * scan_start_block}) and arrive with each call of the port.
 *
 * @param chainId the chain every endpoint must report through {@code eth_chainId}
 * @param rpcUrls endpoints in order of preference
 * @param retryBackoffMultiplier 1.0 keeps the retries evenly spaced, 2.0 doubles each pause
 * @param unhealthyAfter consecutive failures after which an endpoint is tried only when the healthy
 *     ones have failed, until it succeeds again
 * @param burnAddresses a transfer to one of these makes the sender a burner (spec: the zero
 *     address; add e.g. {@code 0x…dead} if the community's token burns there)
 */
public record EvmSettings(
    long chainId,
    List<URI> rpcUrls,
    int logWindowBlocks,
    Duration windowPause,
    int balanceBatchSize,
    Duration requestTimeout,
    int retries,
    Duration retryDelay,
    double retryBackoffMultiplier,
    int unhealthyAfter,
    Set<Address> burnAddresses) {

  public EvmSettings {
    require(chainId > 0, "chain id must be positive: " + chainId);
    require(!rpcUrls.isEmpty(), "at least one RPC URL is required");
    for (URI url : rpcUrls) {
      String scheme = url.getScheme();
      require(
          ("http".equals(scheme) || "https".equals(scheme)) && url.getHost() != null,
          "RPC URL must be http(s)://host...: " + RpcEndpoints.label(url));
    }
    require(logWindowBlocks >= 1, "log window must be at least 1 block: " + logWindowBlocks);
    require(!windowPause.isNegative(), "window pause must not be negative");
    require(balanceBatchSize >= 1, "balance batch size must be at least 1: " + balanceBatchSize);
    require(
        !requestTimeout.isNegative() && !requestTimeout.isZero(),
        "request timeout must be positive");
    require(retries >= 0, "retries must not be negative: " + retries);
    require(!retryDelay.isNegative(), "retry delay must not be negative");
    require(
        retryBackoffMultiplier >= 1.0,
        "retry backoff multiplier must be >= 1: " + retryBackoffMultiplier);
    require(unhealthyAfter >= 1, "unhealthy-after must be at least 1: " + unhealthyAfter);
    require(!burnAddresses.isEmpty(), "at least one burn address is required");
    rpcUrls = List.copyOf(rpcUrls);
    burnAddresses = Set.copyOf(burnAddresses);
  }

  /** The spec's defaults for a chain and its endpoints. */
  public static Builder builder(long chainId, List<URI> rpcUrls) {
    return new Builder(chainId, rpcUrls);
  }

  /**
   * Reads {@code EVM_CHAIN_ID} and {@code EVM_RPC_URLS} (comma-separated, in order of preference),
   * and optionally {@code EVM_LOG_WINDOW_BLOCKS}, {@code EVM_WINDOW_PAUSE_MS}, {@code
   * EVM_BALANCE_BATCH_SIZE}, {@code EVM_REQUEST_TIMEOUT_MS}, {@code EVM_RETRIES}, {@code
   * EVM_RETRY_DELAY_MS}, {@code EVM_RETRY_BACKOFF_MULTIPLIER}, {@code EVM_UNHEALTHY_AFTER} and
   * {@code EVM_BURN_ADDRESSES} (comma-separated).
   *
   * @throws IllegalArgumentException naming the variable that is missing or invalid
   */
  public static EvmSettings fromEnvironment(Map<String, String> env) {
    long chainId = required(env, "EVM_CHAIN_ID", Long::parseLong);
    List<URI> urls = required(env, "EVM_RPC_URLS", EvmSettings::urls);
    Builder builder = builder(chainId, urls);
    optional(env, "EVM_LOG_WINDOW_BLOCKS", Integer::parseInt, builder::logWindowBlocks);
    optional(env, "EVM_WINDOW_PAUSE_MS", EvmSettings::millis, builder::windowPause);
    optional(env, "EVM_BALANCE_BATCH_SIZE", Integer::parseInt, builder::balanceBatchSize);
    optional(env, "EVM_REQUEST_TIMEOUT_MS", EvmSettings::millis, builder::requestTimeout);
    optional(env, "EVM_RETRIES", Integer::parseInt, builder::retries);
    optional(env, "EVM_RETRY_DELAY_MS", EvmSettings::millis, builder::retryDelay);
    optional(
        env, "EVM_RETRY_BACKOFF_MULTIPLIER", Double::parseDouble, builder::retryBackoffMultiplier);
    optional(env, "EVM_UNHEALTHY_AFTER", Integer::parseInt, builder::unhealthyAfter);
    optional(env, "EVM_BURN_ADDRESSES", EvmSettings::addresses, builder::burnAddresses);
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid EVM settings: " + e.getMessage(), e);
    }
  }

  /** Builder with the spec's defaults. */
  public static final class Builder {
    private final long chainId;
    private final List<URI> rpcUrls;
    private int logWindowBlocks = 10_000;
    private Duration windowPause = Duration.ofMillis(200);
    private int balanceBatchSize = 100;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int retries = 2;
    private Duration retryDelay = Duration.ofSeconds(1);
    private double retryBackoffMultiplier = 1.0;
    private int unhealthyAfter = 3;
    private Set<Address> burnAddresses = Set.of(Address.ZERO);

    private Builder(long chainId, List<URI> rpcUrls) {
      this.chainId = chainId;
      this.rpcUrls = List.copyOf(rpcUrls);
    }

    public Builder logWindowBlocks(int blocks) {
      this.logWindowBlocks = blocks;
      return this;
    }

    public Builder windowPause(Duration pause) {
      this.windowPause = pause;
      return this;
    }

    public Builder balanceBatchSize(int size) {
      this.balanceBatchSize = size;
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    public Builder retries(int count) {
      this.retries = count;
      return this;
    }

    public Builder retryDelay(Duration delay) {
      this.retryDelay = delay;
      return this;
    }

    public Builder retryBackoffMultiplier(double multiplier) {
      this.retryBackoffMultiplier = multiplier;
      return this;
    }

    public Builder unhealthyAfter(int failures) {
      this.unhealthyAfter = failures;
      return this;
    }

    public Builder burnAddresses(Set<Address> addresses) {
      this.burnAddresses = Set.copyOf(addresses);
      return this;
    }

    public EvmSettings build() {
      return new EvmSettings(
          chainId,
          rpcUrls,
          logWindowBlocks,
          windowPause,
          balanceBatchSize,
          requestTimeout,
          retries,
          retryDelay,
          retryBackoffMultiplier,
          unhealthyAfter,
          burnAddresses);
    }
  }

  /** Never prints URL paths or queries: providers put API keys there. */
  @Override
  public String toString() {
    return "EvmSettings[chainId="
        + chainId
        + ", rpcUrls="
        + rpcUrls.stream().map(RpcEndpoints::label).toList()
        + ", logWindowBlocks="
        + logWindowBlocks
        + ", windowPause="
        + windowPause
        + ", balanceBatchSize="
        + balanceBatchSize
        + ", requestTimeout="
        + requestTimeout
        + ", retries="
        + retries
        + ", retryDelay="
        + retryDelay
        + ", retryBackoffMultiplier="
        + retryBackoffMultiplier
        + ", unhealthyAfter="
        + unhealthyAfter
        + ", burnAddresses="
        + burnAddresses
        + "]";
  }

  private static List<URI> urls(String value) {
    List<URI> urls = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        urls.add(URI.create(part.strip()));
      }
    }
    return urls;
  }

  private static Set<Address> addresses(String value) {
    Set<Address> addresses = new LinkedHashSet<>();
    Arrays.stream(value.split(","))
        .filter(part -> !part.isBlank())
        .forEach(part -> addresses.add(new Address(part.strip())));
    return addresses;
  }

  private static Duration millis(String value) {
    return Duration.ofMillis(Long.parseLong(value));
  }

  private static <T> T required(Map<String, String> env, String name, Function<String, T> parse) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return parse(name, value, parse);
  }

  private static <T> void optional(
      Map<String, String> env,
      String name,
      Function<String, T> parse,
      Function<T, Builder> setter) {
    String value = env.get(name);
    if (value != null && !value.isBlank()) {
      setter.apply(parse(name, value, parse));
    }
  }

  private static <T> T parse(String name, String value, Function<String, T> parse) {
    try {
      return parse.apply(value.strip());
    } catch (IllegalArgumentException e) {
      // NumberFormatException and bad URIs/addresses. A bad URI's message repeats the URL, whose
      // path may hold a provider key: keep it out of logs.
      String reason =
          e instanceof NumberFormatException || !name.equals("EVM_RPC_URLS")
              ? e.getMessage()
              : "not a comma-separated list of URLs";
      throw new IllegalArgumentException(name + " is invalid: " + reason, e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
