package io.arrakis.domain.waitlist;

/** Why a waitlist registration was closed (spec §6.3). */
public enum ClosedReason {
  UNREGISTERED,
  ELIGIBLE,
  ONBOARDED
}
