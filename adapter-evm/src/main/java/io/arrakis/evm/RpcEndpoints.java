package io.arrakis.evm;

import io.arrakis.domain.port.ChainSourceException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain's RPC endpoints with fallback (spec §2: ordered URLs, retries, unhealthy endpoints). An
 * operation runs on the first endpoint; a retryable failure is retried there with backoff, then the
 * next endpoint is tried. Before its first use an endpoint must report the configured chain id.
 * Endpoints with {@code unhealthyAfter} consecutive failures go to the back of the line until they
 * succeed again. When every endpoint fails, the operation fails with a {@link ChainSourceException}
 * naming each endpoint's last error, which puts the communities in grace.
 */
final class RpcEndpoints {

  /** An operation against one endpoint. */
  @FunctionalInterface
  interface Operation<T> {
    T run(JsonRpc rpc) throws RpcException;
  }

  private static final Logger log = LoggerFactory.getLogger(RpcEndpoints.class);

  private final long chainId;
  private final List<Endpoint> endpoints;
  private final int unhealthyAfter;

  RpcEndpoints(long chainId, List<Endpoint> endpoints, int unhealthyAfter) {
    this.chainId = chainId;
    this.endpoints = List.copyOf(endpoints);
    this.unhealthyAfter = unhealthyAfter;
  }

  static RpcEndpoints of(EvmSettings settings, List<RpcTransport> transports) {
    IntervalFunction backoff =
        IntervalFunction.ofExponentialBackoff(
            Math.max(1, settings.retryDelay().toMillis()), settings.retryBackoffMultiplier());
    RetryConfig config =
        RetryConfig.custom()
            .maxAttempts(settings.retries() + 1)
            .intervalFunction(backoff)
            .retryOnException(e -> e instanceof RpcException r && r.retryable())
            .failAfterMaxAttempts(false)
            .build();
    List<Endpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < transports.size(); i++) {
      String label = label(settings.rpcUrls().get(i));
      endpoints.add(
          new Endpoint(
              label, new JsonRpc(transports.get(i)), Retry.of("evm-" + i + "-" + label, config)));
    }
    return new RpcEndpoints(settings.chainId(), endpoints, settings.unhealthyAfter());
  }

  /**
   * Runs {@code operation} on the endpoints in order of preference.
   *
   * @param what the operation in words, for logs and the failure message
   */
  <T> T execute(String what, Operation<T> operation) throws ChainSourceException {
    List<String> errors = new ArrayList<>();
    for (Endpoint endpoint : inOrderOfHealth()) {
      AtomicInteger attempts = new AtomicInteger();
      try {
        T result =
            endpoint.run(
                rpc -> {
                  attempts.incrementAndGet();
                  return operation.run(verifiedChain(endpoint));
                });
        endpoint.failures.set(0);
        return result;
      } catch (RpcException e) {
        int failures = endpoint.failures.incrementAndGet();
        log.warn(
            "{} failed on {} ({} consecutive failures): {}",
            what,
            endpoint.label,
            failures,
            e.getMessage());
        errors.add(
            endpoint.label
                + ": "
                + e.getMessage()
                + (attempts.get() > 1 ? " (" + attempts.get() + " attempts)" : ""));
      }
    }
    throw new ChainSourceException(
        what
            + " failed on every RPC endpoint of chain "
            + chainId
            + " ("
            + endpoints.size()
            + "): "
            + String.join("; ", errors));
  }

  private List<Endpoint> inOrderOfHealth() {
    List<Endpoint> healthy = new ArrayList<>();
    List<Endpoint> unhealthy = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      (endpoint.failures.get() >= unhealthyAfter ? unhealthy : healthy).add(endpoint);
    }
    healthy.addAll(unhealthy);
    return healthy;
  }

  /** Checks {@code eth_chainId} once per endpoint; a mismatch is never retried. */
  private JsonRpc verifiedChain(Endpoint endpoint) throws RpcException {
    if (!endpoint.chainVerified) {
      String reported = endpoint.rpc.call("eth_chainId").asText();
      long actual;
      try {
        actual = Abi.parseQuantity(reported);
      } catch (IllegalArgumentException e) {
        throw new RpcException("eth_chainId answered " + reported, false, e);
      }
      if (actual != chainId) {
        throw new RpcException(
            "eth_chainId is " + actual + ", configured chain is " + chainId, false);
      }
      endpoint.chainVerified = true;
    }
    return endpoint.rpc;
  }

  /**
   * An endpoint's name in logs and errors: scheme, host and port only, since providers put API keys
   * in the path or query.
   */
  static String label(URI url) {
    String base =
        url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    boolean hasMore =
        (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/"))
            || url.getRawQuery() != null;
    return hasMore ? base + "/…" : base;
  }

  static final class Endpoint {
    final String label;
    final JsonRpc rpc;
    final Retry retry;
    final AtomicInteger failures = new AtomicInteger();
    volatile boolean chainVerified;

    Endpoint(String label, JsonRpc rpc, Retry retry) {
      this.label = label;
      this.rpc = rpc;
      this.retry = retry;
    }

    <T> T run(Operation<T> attempt) throws RpcException {
      try {
        return retry.executeCheckedSupplier(() -> attempt.run(rpc));
      } catch (RpcException e) {
        throw e;
      } catch (Throwable e) {
        // Undecodable answers surface as runtime exceptions from the operation; errors propagate.
        if (e instanceof Error error) {
          throw error;
        }
        throw new RpcException("unexpected answer: " + e, false, e);
      }
    }
  }
}
