package io.arrakis.domain.profile;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.UserId;
import java.time.Instant;

/** A verified wallet link: one wallet per user and one user per wallet, per community (§1). */
public record WalletLink(UserId userId, Address wallet, Instant verifiedAt) {}
