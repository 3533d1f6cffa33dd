package io.arrakis.domain.naib;

import io.arrakis.domain.common.MemberId;
import java.math.BigInteger;

/** The lowest-balance holder and the candidate threatening their seat (spec §13.2). */
public record NaibThreat(
    MemberId holder,
    int seatNumber,
    BigInteger holderBalance,
    MemberId challenger,
    BigInteger challengerBalance) {}
