package io.arrakis.domain.community;

import io.arrakis.domain.common.Address;
import java.util.Optional;

/**
 * The token whose logs and balances define the ranking (spec §2). The address is required before
 * deploy but unset on a freshly created community, hence optional.
 */
public record TokenConfig(
    long chainId,
    Optional<Address> tokenAddress,
    String symbol,
    int decimals,
    long scanStartBlock) {

  public static final long BERACHAIN = 80094L;
}
