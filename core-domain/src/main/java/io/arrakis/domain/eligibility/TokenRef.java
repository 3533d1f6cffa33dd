package io.arrakis.domain.eligibility;

import io.arrakis.domain.common.Address;

/** A token on a chain: the key of the shared chain refresh (spec §3.1). */
public record TokenRef(long chainId, Address token) {}
