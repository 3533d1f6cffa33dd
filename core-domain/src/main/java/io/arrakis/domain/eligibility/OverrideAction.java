package io.arrakis.domain.eligibility;

/** An administrator's eligibility decision (spec §3.4). */
public enum OverrideAction {
  /** Eligible regardless of rank; never displaces anyone; admits even a burner. */
  ADD,
  /** Deleted from the ranking; the wallets below move up. */
  REMOVE
}
