package io.arrakis.bot.verify;

import io.arrakis.domain.common.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9IntegerConverter;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256K1Curve;

/**
 * EIP-191 version 0x45 ({@code personal_sign}) signer recovery over secp256k1, as spec §7.2 asks:
 * hash = keccak256({@code "\x19Ethereum Signed Message:\n" + len(message) + message}), signature
 * {@code r ‖ s ‖ v} (65 bytes) with {@code v} ∈ {27, 28} or {0, 1}; the signer is the last 20 bytes
 * of keccak256 of the recovered public key. High-{@code s} signatures are accepted, as Ethereum's
 * {@code ecrecover} accepts them.
 */
public final class Eip191 {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = CURVE.getN();
  private static final BigInteger P = SecP256K1Curve.q;
  private static final HexFormat HEX = HexFormat.of();

  private Eip191() {}

  /** Whether {@code input} is {@code 0x} + 130 hex characters (65 bytes), case-insensitively. */
  public static boolean isWellFormedSignature(String input) {
    String s = input.strip();
    if (s.length() != 132 || !s.startsWith("0x")) {
      return false;
    }
    for (int i = 2; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** keccak256 of the EIP-191 prefixed message; the length is the UTF-8 byte length. */
  public static byte[] hash(String message) {
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    byte[] prefix =
        ("\u0019Ethereum Signed Message:\n" + body.length).getBytes(StandardCharsets.UTF_8);
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(prefix, 0, prefix.length);
    digest.update(body, 0, body.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }

  /** The address of {@code personal_sign(message)}'s signer, or empty when nothing recovers. */
  public static Optional<Address> recoverSigner(String message, String signatureHex) {
    if (!isWellFormedSignature(signatureHex)) {
      return Optional.empty();
    }
    byte[] sig = HEX.parseHex(signatureHex.strip().substring(2));
    BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
    int v = sig[64] & 0xFF;
    int recId = v >= 27 ? v - 27 : v;
    if (recId != 0 && recId != 1) {
      return Optional.empty();
    }
    return recover(hash(message), r, s, recId).map(Eip191::address);
  }

  /** The address of an uncompressed public key point. */
  public static Address address(ECPoint publicKey) {
    byte[] encoded = publicKey.normalize().getEncoded(false); // 0x04 ‖ X ‖ Y
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(encoded, 1, encoded.length - 1);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return new Address("0x" + HEX.formatHex(out, 12, 32));
  }

  /**
   * SEC 1 §4.1.6 public-key recovery: R's x is {@code r} (the curve's order being above 2^255,
   * {@code r + n} is never a field element below p in practice, and v carries only the y parity),
   * {@code Q = r⁻¹(sR − eG)}.
   */
  private static Optional<ECPoint> recover(byte[] hash, BigInteger r, BigInteger s, int recId) {
    if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
      return Optional.empty();
    }
    if (r.compareTo(P) >= 0) {
      return Optional.empty();
    }
    ECPoint bigR;
    try {
      X9IntegerConverter x9 = new X9IntegerConverter();
      byte[] compressed = x9.integerToBytes(r, 1 + x9.getByteLength(CURVE.getCurve()));
      compressed[0] = (byte) ((recId & 1) == 1 ? 0x03 : 0x02);
      bigR = CURVE.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      return Optional.empty();
    }
    BigInteger e = new BigInteger(1, hash);
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = e.negate().mod(N).multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, bigR, u2).normalize();
    return q.isInfinity() ? Optional.empty() : Optional.of(q);
  }
}
