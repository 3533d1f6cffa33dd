package io.arrakis.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.common.Address;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvmSettingsTest {

  private static final List<URI> URLS = List.of(URI.create("https://rpc.berachain.com"));

  @Test
  void defaultsAreTheSpecsOperatorSettings() {
    EvmSettings settings = EvmSettings.builder(80094, URLS).build();

    assertThat(settings.logWindowBlocks()).isEqualTo(10_000);
    assertThat(settings.windowPause()).isEqualTo(Duration.ofMillis(200));
    assertThat(settings.balanceBatchSize()).isEqualTo(100);
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.retries()).isEqualTo(2);
    assertThat(settings.retryDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.retryBackoffMultiplier()).isEqualTo(1.0);
    assertThat(settings.unhealthyAfter()).isEqualTo(3);
    assertThat(settings.burnAddresses()).containsExactly(Address.ZERO);
  }

  @Test
  void fromEnvironment_readsCommaSeparatedUrlsInOrder_andEveryOverride() {
    Map<String, String> env = new HashMap<>();
    env.put("EVM_CHAIN_ID", "80094");
    env.put("EVM_RPC_URLS", " https://a.example/key123 , http://127.0.0.1:8545,, ");
    env.put("EVM_LOG_WINDOW_BLOCKS", "2000");
    env.put("EVM_WINDOW_PAUSE_MS", "0");
    env.put("EVM_BALANCE_BATCH_SIZE", "50");
    env.put("EVM_REQUEST_TIMEOUT_MS", "5000");
    env.put("EVM_RETRIES", "4");
    env.put("EVM_RETRY_DELAY_MS", "250");
    env.put("EVM_RETRY_BACKOFF_MULTIPLIER", "2");
    env.put("EVM_UNHEALTHY_AFTER", "5");
    env.put(
        "EVM_BURN_ADDRESSES",
        "0x0000000000000000000000000000000000000000,0x000000000000000000000000000000000000dEaD");

    EvmSettings settings = EvmSettings.fromEnvironment(env);

    assertThat(settings.chainId()).isEqualTo(80094);
    assertThat(settings.rpcUrls())
        .containsExactly(
            URI.create("https://a.example/key123"), URI.create("http://127.0.0.1:8545"));
    assertThat(settings.logWindowBlocks()).isEqualTo(2000);
    assertThat(settings.windowPause()).isZero();
    assertThat(settings.balanceBatchSize()).isEqualTo(50);
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.retries()).isEqualTo(4);
    assertThat(settings.retryDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.retryBackoffMultiplier()).isEqualTo(2.0);
    assertThat(settings.unhealthyAfter()).isEqualTo(5);
    assertThat(settings.burnAddresses())
        .containsExactlyInAnyOrder(
            Address.ZERO, new Address("0x000000000000000000000000000000000000dead"));
  }

  @Test
  void fromEnvironment_namesTheMissingOrInvalidVariable() {
    assertThatThrownBy(() -> EvmSettings.fromEnvironment(Map.of("EVM_RPC_URLS", "http://x")))
        .hasMessage("EVM_CHAIN_ID is required");
    assertThatThrownBy(() -> EvmSettings.fromEnvironment(Map.of("EVM_CHAIN_ID", "1")))
        .hasMessage("EVM_RPC_URLS is required");
    assertThatThrownBy(
            () ->
                EvmSettings.fromEnvironment(
                    Map.of("EVM_CHAIN_ID", "1", "EVM_RPC_URLS", "http://x", "EVM_RETRIES", "two")))
        .hasMessageStartingWith("EVM_RETRIES is invalid");
    assertThatThrownBy(
            () ->
                EvmSettings.fromEnvironment(
                    Map.of("EVM_CHAIN_ID", "1", "EVM_RPC_URLS", "ftp://x", "EVM_RETRIES", "2")))
        .hasMessageStartingWith("invalid EVM settings: RPC URL must be http(s)");
  }

  @Test
  void aBadUrl_isReportedWithoutEchoingIt() {
    assertThatThrownBy(
            () ->
                EvmSettings.fromEnvironment(
                    Map.of("EVM_CHAIN_ID", "1", "EVM_RPC_URLS", "https://x/secret key")))
        .hasMessage("EVM_RPC_URLS is invalid: not a comma-separated list of URLs");
  }

  @Test
  void toString_hidesUrlPathsWhereProvidersPutKeys() {
    EvmSettings settings =
        EvmSettings.builder(1, List.of(URI.create("https://mainnet.infura.io/v3/SECRET"))).build();

    assertThat(settings.toString())
        .contains("https://mainnet.infura.io/…")
        .doesNotContain("SECRET");
  }

  @Test
  void invalidValuesAreRejected() {
    assertThatThrownBy(() -> EvmSettings.builder(0, URLS).build()).hasMessageContaining("chain id");
    assertThatThrownBy(() -> EvmSettings.builder(1, List.of()).build())
        .hasMessageContaining("at least one RPC URL");
    assertThatThrownBy(() -> EvmSettings.builder(1, List.of(URI.create("/relative"))).build())
        .hasMessageContaining("http(s)");
    assertThatThrownBy(() -> EvmSettings.builder(1, URLS).logWindowBlocks(0).build())
        .hasMessageContaining("log window");
    assertThatThrownBy(
            () -> EvmSettings.builder(1, URLS).windowPause(Duration.ofMillis(-1)).build())
        .hasMessageContaining("window pause");
    assertThatThrownBy(() -> EvmSettings.builder(1, URLS).balanceBatchSize(0).build())
        .hasMessageContaining("batch size");
    assertThatThrownBy(() -> EvmSettings.builder(1, URLS).requestTimeout(Duration.ZERO).build())
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> EvmSettings.builder(1, URLS).retries(-1).build())
        .hasMessageContaining("retries");
    assertThatThrownBy(
            () -> EvmSettings.builder(1, URLS).retryDelay(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("retry delay");
    assertThatThrownBy(() -> EvmSettings.builder(1, URLS).retryBackoffMultiplier(0.5).build())
        .hasMessageContaining("multiplier");
    assertThatThrownBy(() -> EvmSettings.builder(1, URLS).unhealthyAfter(0).build())
        .hasMessageContaining("unhealthy");
    assertThatThrownBy(() -> EvmSettings.builder(1, URLS).burnAddresses(Set.of()).build())
        .hasMessageContaining("burn address");
  }
}
