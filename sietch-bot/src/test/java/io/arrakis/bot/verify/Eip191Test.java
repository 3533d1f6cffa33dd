package io.arrakis.bot.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.Address;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Eip191Test {
  /** web3.js's documented account (docs of {@code web3.eth.accounts.sign}). */
  private static final String WEB3_KEY =
      "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

  private static final Address WEB3_ADDRESS =
      new Address("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");

  /** Its documented signature of "Some data". */
  private static final String WEB3_SIGNATURE =
      "0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd"
          + "6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a0291c";

  private static final String MESSAGE =
      VerifyMessages.messageToSign(
          "alice",
          "Arrakis",
          "00112233445566778899aabbccddeeff",
          java.time.Instant.parse("2026-11-28T13:45:00Z"));

  @Test
  void givenPrivateKeyOne_thenTheAddressIsTheWellKnownOne() {
    assertThat(new TestWallet(BigInteger.ONE).address())
        .isEqualTo(new Address("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"));
  }

  @Test
  void givenTheWeb3Vector_thenHashAndSignerAreTheDocumentedOnes() {
    assertThat(HexFormat.of().formatHex(Eip191.hash("Some data")))
        .isEqualTo("1da44b586eb0729ff70a73c326926f6ed5a25f5b056e7f47fbc6e58d86871655");
    assertThat(TestWallet.of(WEB3_KEY).address()).isEqualTo(WEB3_ADDRESS);
    assertThat(Eip191.recoverSigner("Some data", WEB3_SIGNATURE)).contains(WEB3_ADDRESS);
    assertThat(Eip191.recoverSigner("Some data", WEB3_SIGNATURE.toUpperCase().replace("0X", "0x")))
        .contains(WEB3_ADDRESS);
  }

  @Test
  void givenASignatureMadeWithAFixedKey_thenRecoveryGivesItsAddress() {
    TestWallet wallet = TestWallet.of(WEB3_KEY);
    String signature = wallet.personalSign(MESSAGE);

    assertThat(Eip191.isWellFormedSignature(signature)).isTrue();
    assertThat(Eip191.recoverSigner(MESSAGE, signature)).contains(wallet.address());
    // deterministic k: the same message always gives the same signature
    assertThat(wallet.personalSign(MESSAGE)).isEqualTo(signature);
  }

  @Test
  void givenManyKeys_thenEveryRecoveryMatches() {
    for (int i = 1; i <= 40; i++) {
      TestWallet wallet = new TestWallet(BigInteger.valueOf(i).pow(20).add(BigInteger.TEN));
      String message = MESSAGE + i;
      assertThat(Eip191.recoverSigner(message, wallet.personalSign(message)))
          .as("key %d", i)
          .contains(wallet.address());
    }
  }

  @Test
  void givenVZeroOrOne_thenItIsAcceptedLikeTwentySevenOrEight() {
    TestWallet wallet = TestWallet.of(WEB3_KEY);
    String signature = wallet.sign(Eip191.hash(MESSAGE), 0);

    assertThat(Eip191.recoverSigner(MESSAGE, signature)).contains(wallet.address());
  }

  @Test
  void givenAnotherMessage_thenAnotherSignerIsRecovered() {
    TestWallet wallet = TestWallet.of(WEB3_KEY);
    String signature = wallet.personalSign(MESSAGE);

    assertThat(Eip191.recoverSigner(MESSAGE + " ", signature))
        .isPresent()
        .get()
        .isNotEqualTo(wallet.address());
    assertThat(Eip191.recoverSigner(MESSAGE.replace("\n", "\r\n"), signature))
        .isPresent()
        .get()
        .isNotEqualTo(wallet.address());
  }

  @Test
  void givenImpossibleSignatures_thenNothingIsRecovered() {
    String good = TestWallet.of(WEB3_KEY).personalSign(MESSAGE);
    String body = good.substring(2, 130);
    assertThat(Eip191.recoverSigner(MESSAGE, "0x" + body + "1d")).isEmpty(); // v = 29
    assertThat(Eip191.recoverSigner(MESSAGE, "0x" + body + "02")).isEmpty(); // v = 2
    assertThat(Eip191.recoverSigner(MESSAGE, "0x" + "0".repeat(64) + good.substring(66)))
        .isEmpty(); // r = 0
    assertThat(Eip191.recoverSigner(MESSAGE, "0x" + "f".repeat(128) + "1b")).isEmpty(); // r ≥ n
    assertThat(Eip191.recoverSigner(MESSAGE, "0x" + "ab")).isEmpty();
    assertThat(Eip191.recoverSigner(MESSAGE, "0x" + "zz".repeat(65))).isEmpty();
    assertThat(Eip191.isWellFormedSignature(good.substring(2))).isFalse();
    assertThat(Eip191.isWellFormedSignature(good + "00")).isFalse();
  }

  @Test
  void givenAHighSSignature_thenItStillRecoversTheSigner() {
    TestWallet wallet = TestWallet.of(WEB3_KEY);
    String low = wallet.personalSign(MESSAGE);
    BigInteger n =
        new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    BigInteger s = new BigInteger(low.substring(66, 130), 16);
    int v = Integer.parseInt(low.substring(130), 16);
    String high =
        "0x"
            + low.substring(2, 66)
            + TestWallet.hex32(n.subtract(s))
            + String.format("%02x", 55 - v);

    assertThat(Eip191.recoverSigner(MESSAGE, high)).contains(wallet.address());
  }
}
