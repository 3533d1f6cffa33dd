package io.arrakis.domain.roles;

/**
 * Where reconciliation runs (spec §4.4 "When it runs"): in a successful sync every part runs;
 * elsewhere (verification, member join, onboarding, seat change, badges, waitlist, daily job) only
 * grants and immediate-class removals run, so chain roles are only ever added.
 */
public enum ReconcileScope {
  SUCCESSFUL_SYNC,
  OUTSIDE_SYNC
}
