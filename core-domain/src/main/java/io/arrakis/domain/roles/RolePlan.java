package io.arrakis.domain.roles;

import io.arrakis.domain.common.UserId;
import java.util.List;
import java.util.Set;

/**
 * What reconciliation decided for one user, without doing it.
 *
 * @param grants roles to add now (audit {@code role_assigned})
 * @param removals roles to remove now (audit {@code role_removed})
 * @param scheduled chain roles whose grace starts now (new {@code role_revocation_pending} rows)
 * @param cancelled pending rows to delete (audit {@code role_removal_cancelled})
 * @param accessRevoked Fedaykin was removed after grace: send {@code access_revoked}
 */
public record RolePlan(
    UserId userId,
    Set<RoleKey> grants,
    List<Removal> removals,
    Set<RoleKey> scheduled,
    Set<RoleKey> cancelled,
    boolean accessRevoked) {

  /** A removal and why it happens now. */
  public record Removal(RoleKey role, RemovalCause cause) {}

  /** Why a role is removed. */
  public enum RemovalCause {
    /** Seat, waitlist or social role no longer desired: immediate. */
    NOT_DESIRED,
    /** Fedaykin swapped for Naib on seating: immediate. */
    SEATED,
    /** Chain role whose grace period elapsed. */
    GRACE_EXPIRED
  }

  public RolePlan {
    grants = Set.copyOf(grants);
    removals = List.copyOf(removals);
    scheduled = Set.copyOf(scheduled);
    cancelled = Set.copyOf(cancelled);
  }

  public boolean isEmpty() {
    return grants.isEmpty() && removals.isEmpty() && scheduled.isEmpty() && cancelled.isEmpty();
  }
}
