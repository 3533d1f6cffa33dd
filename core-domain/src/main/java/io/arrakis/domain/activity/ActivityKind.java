package io.arrakis.domain.activity;

/** The counted events of spec §11. */
public enum ActivityKind {
  MESSAGE,
  REACTION_GIVEN,
  REACTION_RECEIVED
}
