package io.arrakis.domain.profile;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A verified wallet link: one wallet per user and one user per wallet, per community (§1). {@code
 * sessionId} is the verification session that proved it (empty for links made otherwise, e.g.
 * seeded).
 */
public record WalletLink(
    UserId userId, Address wallet, Instant verifiedAt, Optional<UUID> sessionId) {

  public WalletLink {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(wallet, "wallet");
    Objects.requireNonNull(verifiedAt, "verifiedAt");
    Objects.requireNonNull(sessionId, "sessionId");
  }

  /** A link not made through a verification session. */
  public WalletLink(UserId userId, Address wallet, Instant verifiedAt) {
    this(userId, wallet, verifiedAt, Optional.empty());
  }
}
