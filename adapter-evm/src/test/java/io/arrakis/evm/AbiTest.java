package io.arrakis.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.common.Address;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AbiTest {

  private static final Address VITALIK = new Address("0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045");

  @Test
  void balanceOfCall_isSelectorThenLeftPaddedAddress() {
    assertThat(Abi.balanceOfCall(VITALIK))
        .isEqualTo("0x70a08231000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa96045")
        .hasSize(2 + 8 + 64);
  }

  @Test
  void constants_areTheWellKnownKeccakHashes() {
    // Published values (EIP-20 Transfer topic, balanceOf selector); the IT re-derives both with the
    // node's web3_sha3.
    assertThat(Abi.TRANSFER_TOPIC)
        .isEqualTo("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");
    assertThat(Abi.BALANCE_OF_SELECTOR).isEqualTo("0x70a08231");
  }

  @Test
  void uint256Words_roundTrip_includingTheMaximum() {
    BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    assertThat(Abi.word(max)).isEqualTo("f".repeat(64));
    assertThat(Abi.decodeUint256("0x" + Abi.word(max))).isEqualTo(max);
    assertThat(Abi.decodeUint256("0x" + Abi.word(BigInteger.ZERO))).isZero();
    assertThat(Abi.decodeUint256("0x" + Abi.word(new BigInteger("1000000000000000000000"))))
        .isEqualTo(new BigInteger("1000000000000000000000"));
  }

  @Test
  void decodeUint256_readsTheFirstWordOfLongerData() {
    assertThat(Abi.decodeUint256("0x" + Abi.word(BigInteger.TEN) + Abi.word(BigInteger.ONE)))
        .isEqualTo(BigInteger.TEN);
  }

  @Test
  void decodeUint256_rejectsEmptyShortAndNonHexData() {
    assertThatThrownBy(() -> Abi.decodeUint256("0x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no contract code");
    assertThatThrownBy(() -> Abi.decodeUint256("0x1234"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a uint256");
    assertThatThrownBy(() -> Abi.decodeUint256("0x" + "g".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Abi.decodeUint256("0x" + "z".repeat(200)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("...");
  }

  @Test
  void word_rejectsNegativeAndOversizedValues() {
    assertThatThrownBy(() -> Abi.word(BigInteger.valueOf(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Abi.word(BigInteger.TWO.pow(256)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void topicAddress_readsTheLow20Bytes_lowerCase() {
    assertThat(
            Abi.topicAddress("0x000000000000000000000000D8DA6BF26964AF9D7EED9E03E53415D37AA96045"))
        .isEqualTo(VITALIK);
    assertThat(Abi.topicAddress("0x" + Abi.word(Address.ZERO))).isEqualTo(Address.ZERO);
  }

  @Test
  void topicAddress_rejectsWordsThatAreNotAddresses() {
    assertThatThrownBy(() -> Abi.topicAddress("0x1234"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a 32-byte topic");
    assertThatThrownBy(() -> Abi.topicAddress("0x" + "1".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an address");
  }

  @Test
  void quantities_useMinimalHexWithPrefix() {
    assertThat(Abi.quantity(0)).isEqualTo("0x0");
    assertThat(Abi.quantity(10_000)).isEqualTo("0x2710");
    assertThat(Abi.parseQuantity("0x2710")).isEqualTo(10_000);
    assertThat(Abi.parseQuantity("0x138de")).isEqualTo(80_094);
    assertThat(Abi.parseQuantity("0x7fffffffffffffff")).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void quantities_rejectNegativesGarbageAndOverflow() {
    assertThatThrownBy(() -> Abi.quantity(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Abi.parseQuantity("0x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Abi.parseQuantity("2710"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Abi.parseQuantity("0xzz"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Abi.parseQuantity("0x8000000000000000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> Abi.parseQuantity("0x1" + "0".repeat(16)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
