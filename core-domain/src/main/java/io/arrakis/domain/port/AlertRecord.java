package io.arrakis.domain.port;

import io.arrakis.domain.alerts.Alert;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An {@code alert_history} row. */
public record AlertRecord(
    UUID id,
    UserId recipient,
    Optional<MemberId> member,
    Alert alert,
    boolean delivered,
    Optional<String> deliveryError,
    Instant createdAt,
    Optional<Instant> deliveredAt) {}
