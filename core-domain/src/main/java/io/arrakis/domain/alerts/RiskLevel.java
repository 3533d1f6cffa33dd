package io.arrakis.domain.alerts;

/** At-risk level by positions at risk = N − rank + 1 (spec §13.3). */
public enum RiskLevel {
  HIGH,
  MEDIUM,
  LOW;

  public static RiskLevel of(int positionsAtRisk) {
    if (positionsAtRisk <= 2) {
      return HIGH;
    }
    return positionsAtRisk <= 4 ? MEDIUM : LOW;
  }
}
