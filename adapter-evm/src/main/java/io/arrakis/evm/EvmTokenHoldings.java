package io.arrakis.evm;

import io.arrakis.domain.port.TokenHoldings;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * The adapter's only entry point: a {@link TokenHoldings} reading one chain through its JSON-RPC
 * endpoints.
 *
 * <pre>{@code
 * TokenHoldings holdings = EvmTokenHoldings.create(EvmSettings.fromEnvironment(System.getenv()));
 * }</pre>
 */
public final class EvmTokenHoldings {

  private EvmTokenHoldings() {}

  /** Keeps the scan progress in memory: a restart rescans from each token's start block. */
  public static TokenHoldings create(EvmSettings settings) {
    return create(settings, ScanStore.inMemory());
  }

  /** Keeps the scan progress in {@code store}, e.g. the {@code chain_scan_state} tables. */
  public static TokenHoldings create(EvmSettings settings, ScanStore store) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(settings.requestTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    List<RpcTransport> transports =
        settings.rpcUrls().stream()
            .<RpcTransport>map(url -> new HttpRpcTransport(client, url, settings.requestTimeout()))
            .toList();
    return create(settings, store, transports, EvmTokenHoldings::sleep);
  }

  static TokenHoldings create(
      EvmSettings settings,
      ScanStore store,
      List<RpcTransport> transports,
      JsonRpcTokenHoldings.Pause pause) {
    return new JsonRpcTokenHoldings(settings, RpcEndpoints.of(settings, transports), store, pause);
  }

  private static void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }
}
