package io.arrakis.domain.naib;

import io.arrakis.domain.common.MemberId;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/** How and when a seat record was closed. */
public record SeatClosure(
    Instant unseatedAt,
    UnseatReason reason,
    Optional<MemberId> bumpedBy,
    BigInteger balanceAtUnseating) {}
