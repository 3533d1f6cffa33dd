package io.arrakis.domain.alerts;

import java.util.Arrays;
import java.util.Optional;

/** Alert frequencies and their weekly caps of non-critical alerts (spec §13.1). */
public enum AlertFrequency {
  ONE_PER_WEEK("1_per_week", 1),
  TWO_PER_WEEK("2_per_week", 2),
  THREE_PER_WEEK("3_per_week", 3),
  DAILY("daily", 7);

  private final String id;
  private final int weeklyCap;

  AlertFrequency(String id, int weeklyCap) {
    this.id = id;
    this.weeklyCap = weeklyCap;
  }

  public String id() {
    return id;
  }

  public int weeklyCap() {
    return weeklyCap;
  }

  public static Optional<AlertFrequency> fromId(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
  }
}
