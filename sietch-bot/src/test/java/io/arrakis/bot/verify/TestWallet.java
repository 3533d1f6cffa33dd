package io.arrakis.bot.verify;

import io.arrakis.domain.common.Address;
import java.math.BigInteger;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A secp256k1 key that signs like a wallet's {@code personal_sign}: RFC 6979 deterministic k
 * (BouncyCastle's {@link HMacDSAKCalculator}), low s, {@code v} = 27 + the parity of R's y. Written
 * independently of {@link Eip191}'s recovery so the two check each other.
 */
final class TestWallet {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = CURVE.getN();

  final BigInteger privateKey;
  final ECPoint publicKey;

  TestWallet(BigInteger privateKey) {
    this.privateKey = privateKey;
    this.publicKey = CURVE.getG().multiply(privateKey).normalize();
  }

  static TestWallet of(String hexKey) {
    return new TestWallet(new BigInteger(hexKey.replaceFirst("^0x", ""), 16));
  }

  Address address() {
    return Eip191.address(publicKey);
  }

  /** {@code 0x r ‖ s ‖ v} over the EIP-191 hash of {@code message}. */
  String personalSign(String message) {
    return sign(Eip191.hash(message), 27);
  }

  String sign(byte[] hash, int vBase) {
    HMacDSAKCalculator k = new HMacDSAKCalculator(new SHA256Digest());
    k.init(N, privateKey, hash);
    BigInteger e = new BigInteger(1, hash);
    while (true) {
      BigInteger kv = k.nextK();
      ECPoint r = CURVE.getG().multiply(kv).normalize();
      BigInteger rx = r.getAffineXCoord().toBigInteger().mod(N);
      if (rx.signum() == 0) {
        continue;
      }
      BigInteger s = kv.modInverse(N).multiply(e.add(rx.multiply(privateKey))).mod(N);
      if (s.signum() == 0) {
        continue;
      }
      int recId = r.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0;
      if (s.compareTo(N.shiftRight(1)) > 0) {
        s = N.subtract(s);
        recId ^= 1;
      }
      return "0x" + hex32(rx) + hex32(s) + String.format("%02x", vBase + recId);
    }
  }

  static String hex32(BigInteger v) {
    byte[] out = new byte[32];
    byte[] raw = v.toByteArray();
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return HexFormat.of().formatHex(out);
  }
}
