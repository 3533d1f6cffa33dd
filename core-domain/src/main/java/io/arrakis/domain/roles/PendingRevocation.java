package io.arrakis.domain.roles;

import io.arrakis.domain.common.UserId;
import java.time.Instant;

/** A {@code role_revocation_pending} row: a chain role waiting out its grace period (§4.4). */
public record PendingRevocation(UserId userId, RoleKey role, Instant pendingSince) {}
