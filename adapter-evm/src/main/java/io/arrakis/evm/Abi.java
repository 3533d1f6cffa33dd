package io.arrakis.evm;

import io.arrakis.domain.common.Address;
import java.math.BigInteger;
import java.util.Locale;

/**
 * The few pieces of the Ethereum ABI and JSON-RPC hex encoding this adapter needs: the {@code
 * balanceOf(address)} call, its {@code uint256} result, the {@code Transfer} event topic and
 * quantities. Hashes are constants (keccak-256 of the signatures); the integration test checks them
 * against the node's {@code web3_sha3}.
 */
final class Abi {

  /** keccak256("Transfer(address,address,uint256)"). */
  static final String TRANSFER_TOPIC =
      "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

  /** First four bytes of keccak256("balanceOf(address)"). */
  static final String BALANCE_OF_SELECTOR = "0x70a08231";

  private static final int WORD_HEX = 64;
  private static final BigInteger MAX_UINT256 =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private Abi() {}

  /** Call data of {@code balanceOf(owner)}. */
  static String balanceOfCall(Address owner) {
    return BALANCE_OF_SELECTOR + word(owner);
  }

  /** An address left-padded to one 32-byte word, without {@code 0x}. */
  static String word(Address address) {
    return "0".repeat(WORD_HEX - 40) + address.value().substring(2);
  }

  /** An unsigned integer as one 32-byte word, without {@code 0x}. */
  static String word(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(MAX_UINT256) > 0) {
      throw new IllegalArgumentException("not a uint256: " + value);
    }
    String hex = value.toString(16);
    return "0".repeat(WORD_HEX - hex.length()) + hex;
  }

  /**
   * The first word of {@code eth_call} return data as a {@code uint256}. Empty data ({@code 0x})
   * means the target has no code at that block, which is an error, not a zero balance.
   */
  static BigInteger decodeUint256(String data) {
    String hex = strip0x(data);
    if (hex.isEmpty()) {
      throw new IllegalArgumentException(
          "empty return data (no contract code at that address and block?)");
    }
    if (hex.length() < WORD_HEX || !isHex(hex)) {
      throw new IllegalArgumentException("not a uint256 word: " + abbreviate(data));
    }
    return new BigInteger(hex.substring(0, WORD_HEX), 16);
  }

  /** The address held in an indexed {@code address} topic (the low 20 bytes of the word). */
  static Address topicAddress(String topic) {
    String hex = strip0x(topic);
    if (hex.length() != WORD_HEX || !isHex(hex)) {
      throw new IllegalArgumentException("not a 32-byte topic: " + abbreviate(topic));
    }
    if (!hex.substring(0, WORD_HEX - 40).chars().allMatch(c -> c == '0')) {
      throw new IllegalArgumentException("topic is not an address: " + topic);
    }
    return new Address("0x" + hex.substring(WORD_HEX - 40));
  }

  /** A JSON-RPC quantity: {@code 0x} followed by hex digits without leading zeros. */
  static String quantity(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative quantity: " + value);
    }
    return "0x" + Long.toHexString(value);
  }

  static long parseQuantity(String quantity) {
    String hex = strip0x(quantity);
    if (hex.isEmpty() || hex.length() > 16 || !isHex(hex) || !quantity.startsWith("0x")) {
      throw new IllegalArgumentException("not a quantity: " + abbreviate(quantity));
    }
    long value = Long.parseUnsignedLong(hex, 16);
    if (value < 0) {
      throw new IllegalArgumentException("quantity out of range: " + quantity);
    }
    return value;
  }

  private static String strip0x(String hex) {
    return hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
  }

  private static boolean isHex(String hex) {
    return hex.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }

  private static String abbreviate(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.length() <= 80 ? lower : lower.substring(0, 77) + "...";
  }
}
