package io.arrakis.domain.roles;

/**
 * How removals of a role are timed (spec §4.3): chain roles wait for the grace period, every other
 * class changes immediately.
 */
public enum RoleClass {
  SEAT,
  CHAIN,
  WAITLIST,
  SOCIAL
}
