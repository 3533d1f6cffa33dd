package io.arrakis.domain.profile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Tenure categories of spec §8.1, from the profile's {@code created_at}. */
public enum TenureCategory {
  OG("OG"),
  ELDER("Elder (180+ days)"),
  VETERAN("Veteran (90+ days)"),
  MEMBER("Member");

  private final String label;

  TenureCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** OG if created ≤ {@code ogWindowDays} after launch; else Elder ≥ 180 days; Veteran ≥ 90. */
  public static TenureCategory of(
      Instant createdAt, LocalDate launchDate, int ogWindowDays, Instant now) {
    if (isOg(createdAt, launchDate, ogWindowDays)) {
      return OG;
    }
    Duration age = Duration.between(createdAt, now);
    if (age.compareTo(Duration.ofDays(180)) >= 0) {
      return ELDER;
    }
    if (age.compareTo(Duration.ofDays(90)) >= 0) {
      return VETERAN;
    }
    return MEMBER;
  }

  /** Created no later than {@code ogWindowDays} days after the launch date (00:00 UTC). */
  public static boolean isOg(Instant createdAt, LocalDate launchDate, int ogWindowDays) {
    Instant windowEnd =
        launchDate.atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofDays(ogWindowDays));
    return !createdAt.isAfter(windowEnd);
  }
}
