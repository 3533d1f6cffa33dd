package io.arrakis.domain.sync;

/**
 * A shadow-mode comparison (spec §15.18): members whose desired seat and chain roles match what
 * they actually hold.
 */
public record ShadowComparison(int membersCompared, int membersMatched) {}
