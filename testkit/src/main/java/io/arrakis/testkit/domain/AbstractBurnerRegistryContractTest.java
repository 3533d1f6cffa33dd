package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.BurnerRegistry;
import io.arrakis.domain.port.BurnerRegistry.Burn;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BurnerRegistry} does. Storage may be shared between tests (a real database):
 * every test works on tokens with random addresses.
 */
public abstract class AbstractBurnerRegistryContractTest {
  private static final long BERACHAIN = 80094L;

  protected BurnerRegistry registry;

  /** The registry under test. */
  protected abstract BurnerRegistry registry() throws Exception;

  /**
   * The burn stored for {@code address} (block and transaction), read behind the port, which does
   * not expose them.
   */
  protected abstract Optional<Burn> storedBurn(TokenRef token, Address address) throws Exception;

  @BeforeEach
  void openRegistry() throws Exception {
    registry = registry();
  }

  @Test
  void givenNoBurnRecorded_thenNoAddressIsABurner() {
    TokenRef token = randomToken();

    assertThat(registry.isBurner(token, randomAddress())).isFalse();
    assertThat(registry.burners(token)).isEmpty();
  }

  @Test
  void givenRecordedBurns_thenTheyAreFoundAsRecorded() throws Exception {
    TokenRef token = randomToken();
    Burn first = burn(100);
    Burn second = burn(250);

    registry.record(token, Set.of(first, second));

    assertThat(registry.isBurner(token, first.address())).isTrue();
    assertThat(registry.isBurner(token, second.address())).isTrue();
    assertThat(registry.isBurner(token, randomAddress())).isFalse();
    assertThat(storedBurn(token, first.address())).contains(first);
    assertThat(storedBurn(token, second.address())).contains(second);
  }

  @Test
  void givenARecordedBurn_whenRecordedAgain_thenTheFirstBurnIsKept() throws Exception {
    TokenRef token = randomToken();
    Burn first = burn(100);
    registry.record(token, Set.of(first));

    registry.record(token, Set.of(first));
    Burn later = new Burn(first.address(), 5_000, randomTxHash());
    Burn other = burn(5_000);
    registry.record(token, Set.of(later, other));

    assertThat(storedBurn(token, first.address())).contains(first);
    assertThat(storedBurn(token, other.address())).contains(other);
    assertThat(registry.burners(token)).containsExactlyInAnyOrder(first.address(), other.address());
  }

  @Test
  void givenTwoBurnsOfOneAddressInOneCall_thenTheEarliestIsKept() throws Exception {
    TokenRef token = randomToken();
    Address address = randomAddress();
    Burn earliest = new Burn(address, 7, randomTxHash());

    registry.record(token, Set.of(new Burn(address, 9, randomTxHash()), earliest));

    assertThat(storedBurn(token, address)).contains(earliest);
    assertThat(registry.burners(token)).containsExactly(address);
  }

  @Test
  void givenBurnsOfOneToken_thenOtherTokensAndChainsDoNotSeeThem() {
    TokenRef token = randomToken();
    TokenRef otherToken = new TokenRef(token.chainId(), randomAddress());
    TokenRef sameTokenOtherChain = new TokenRef(1L, token.token());
    Burn burn = burn(42);
    Burn otherBurn = burn(43);

    registry.record(token, Set.of(burn));
    registry.record(otherToken, Set.of(otherBurn));

    assertThat(registry.isBurner(token, burn.address())).isTrue();
    assertThat(registry.isBurner(otherToken, burn.address())).isFalse();
    assertThat(registry.isBurner(sameTokenOtherChain, burn.address())).isFalse();
    assertThat(registry.isBurner(token, otherBurn.address())).isFalse();
    assertThat(registry.burners(token)).containsExactly(burn.address());
    assertThat(registry.burners(otherToken)).containsExactly(otherBurn.address());
    assertThat(registry.burners(sameTokenOtherChain)).isEmpty();
  }

  @Test
  void givenSeveralRecords_thenBurnersAreExactlyTheRecordedAddresses() {
    TokenRef token = randomToken();
    Burn a = burn(1);
    Burn b = burn(2);
    Burn c = burn(3);

    registry.record(token, Set.of(a, b));
    registry.record(token, Set.of(c));

    assertThat(registry.burners(token))
        .containsExactlyInAnyOrder(a.address(), b.address(), c.address());
  }

  @Test
  void givenAnEmptySet_whenRecorded_thenNothingChanges() {
    TokenRef token = randomToken();
    registry.record(token, Set.of());
    assertThat(registry.burners(token)).isEmpty();

    Burn burn = burn(10);
    registry.record(token, Set.of(burn));
    registry.record(token, Set.of());

    assertThat(registry.burners(token)).containsExactly(burn.address());
  }

  @Test
  void givenAMalformedTransactionHash_thenTheBurnIsRefusedBeforeAnyStoreSeesIt() {
    assertThatThrownBy(() -> new Burn(randomAddress(), 11, "0x1234"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("txHash");
    assertThatThrownBy(() -> new Burn(randomAddress(), 11, "0x" + "AB".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static TokenRef randomToken() {
    return new TokenRef(BERACHAIN, randomAddress());
  }

  private static Burn burn(long block) {
    return new Burn(randomAddress(), block, randomTxHash());
  }

  protected static Address randomAddress() {
    return new Address("0x" + randomHex(20));
  }

  protected static String randomTxHash() {
    return "0x" + randomHex(32);
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
