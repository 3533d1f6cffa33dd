package io.arrakis.domain.eligibility;

import io.arrakis.domain.common.Address;
import java.math.BigInteger;

/** A wallet's balance in base units at the head block. */
public record Holding(Address address, BigInteger balance) {
  public Holding {
    if (balance.signum() < 0) {
      throw new IllegalArgumentException("negative balance for " + address);
    }
  }
}
