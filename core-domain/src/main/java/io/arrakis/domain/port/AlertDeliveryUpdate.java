package io.arrakis.domain.port;

import io.arrakis.domain.alerts.AlertType;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An {@code alert_history} row whose delivery outcome was just recorded: what the caller needs to
 * audit it and to correct the weekly counter (the payload is not read back).
 */
public record AlertDeliveryUpdate(
    UUID id, UserId recipient, Optional<MemberId> member, AlertType type, Instant createdAt) {}
