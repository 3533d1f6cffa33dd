package io.arrakis.domain.port;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.TokenRef;
import java.util.Set;

/**
 * {@code chain_burners}: addresses that ever sent a token to the zero address (spec §1 "Burner").
 * Global per chain and token, shared by every community ranking that token; a burner stays one for
 * good, so records are only ever added.
 */
public interface BurnerRegistry {

  /** Whether {@code address} ever burned {@code token}. */
  boolean isBurner(TokenRef token, Address address);

  /** Every known burner of {@code token}. */
  Set<Address> burners(TokenRef token);

  /**
   * Records burns found by a chain scan; an address already recorded keeps its first burn.
   *
   * @param burns the newly found burns (address, block, transaction)
   */
  void record(TokenRef token, Set<Burn> burns);

  /** One burn: the address, the block of its first burn and that transaction's hash. */
  record Burn(Address address, long firstBurnBlock, String txHash) {
    public Burn {
      if (txHash == null || !txHash.matches("0x[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "txHash must be 0x and 64 lower-case hex digits: " + txHash);
      }
      if (firstBurnBlock < 0) {
        throw new IllegalArgumentException(
            "firstBurnBlock must not be negative: " + firstBurnBlock);
      }
    }
  }
}
