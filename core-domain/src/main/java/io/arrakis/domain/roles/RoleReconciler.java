package io.arrakis.domain.roles;

import io.arrakis.domain.common.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reconciliation of spec §4.4: grants every desired role immediately; removes seat, waitlist and
 * social roles immediately (never Onboarded or Veteran while the profile is active); chain roles go
 * through {@code role_revocation_pending} and are removed only in a successful sync, once {@code
 * now − pending_since ≥ grace_hours}, and never while the community is in grace.
 */
public final class RoleReconciler {
  private final int graceHours;
  private final Set<RoleKey> manageable;

  /**
   * @param manageable role keys that have a Discord role to write: an unset optional role is never
   *     assigned (spec §2)
   */
  public RoleReconciler(int graceHours, Set<RoleKey> manageable) {
    this.graceHours = graceHours;
    this.manageable =
        manageable.isEmpty() ? EnumSet.noneOf(RoleKey.class) : EnumSet.copyOf(manageable);
  }

  public RolePlan reconcile(
      UserId user,
      Set<RoleKey> desiredRoles,
      Set<RoleKey> heldRoles,
      Map<RoleKey, Instant> pendingSince,
      boolean profileActive,
      ReconcileScope scope,
      boolean communityInGrace,
      Instant now) {
    Set<RoleKey> desired = onlyManageable(desiredRoles);
    Set<RoleKey> held = onlyManageable(heldRoles);
    EnumSet<RoleKey> grants = EnumSet.noneOf(RoleKey.class);
    List<RolePlan.Removal> removals = new ArrayList<>();
    EnumSet<RoleKey> scheduled = EnumSet.noneOf(RoleKey.class);
    EnumSet<RoleKey> cancelled = EnumSet.noneOf(RoleKey.class);
    boolean inSync = scope == ReconcileScope.SUCCESSFUL_SYNC;

    for (RoleKey role : desired) {
      if (!held.contains(role)) {
        grants.add(role);
      }
    }
    for (RoleKey role : held) {
      if (desired.contains(role)) {
        continue;
      }
      if (role.roleClass() != RoleClass.CHAIN) {
        boolean keptWhileActive = role == RoleKey.ONBOARDED || role == RoleKey.VETERAN;
        if (!(keptWhileActive && profileActive)) {
          removals.add(new RolePlan.Removal(role, RolePlan.RemovalCause.NOT_DESIRED));
        }
      } else if (role == RoleKey.FEDAYKIN && desired.contains(RoleKey.NAIB)) {
        // seating swaps Fedaykin for Naib at once: seat-driven, not chain-driven
        removals.add(new RolePlan.Removal(role, RolePlan.RemovalCause.SEATED));
      } else if (inSync) {
        Instant since = pendingSince.get(role);
        if (since == null) {
          scheduled.add(role);
        } else if (!communityInGrace
            && Duration.between(since, now).compareTo(Duration.ofHours(graceHours)) >= 0) {
          removals.add(new RolePlan.Removal(role, RolePlan.RemovalCause.GRACE_EXPIRED));
        }
      }
    }
    if (inSync) {
      for (RoleKey role : pendingSince.keySet()) {
        boolean stillWaiting =
            held.contains(role)
                && !desired.contains(role)
                && removals.stream().noneMatch(r -> r.role() == role);
        if (!stillWaiting && removals.stream().noneMatch(r -> r.role() == role)) {
          cancelled.add(role);
        }
      }
    }
    boolean accessRevoked =
        removals.stream()
            .anyMatch(
                r ->
                    r.role() == RoleKey.FEDAYKIN
                        && r.cause() == RolePlan.RemovalCause.GRACE_EXPIRED);
    return new RolePlan(user, grants, removals, scheduled, cancelled, accessRevoked);
  }

  private Set<RoleKey> onlyManageable(Set<RoleKey> roles) {
    EnumSet<RoleKey> result = EnumSet.noneOf(RoleKey.class);
    for (RoleKey r : roles) {
      if (manageable.contains(r)) {
        result.add(r);
      }
    }
    return result;
  }
}
