package io.arrakis.bot.directory;

import io.arrakis.domain.tiers.Tier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One viewer's directory state (spec §15.4): page (1-based), tier filter, sort. Stored in Redis as
 * {@code page=2;tier=fedaykin;sort=nym}; anything unreadable is replaced by the defaults, as
 * missing state is.
 */
record DirectoryState(int page, Optional<Tier> tier, Sort sort) {
  static final String ALL_TIERS = "all";

  /** The sort orders of the sort select, by their option value. */
  enum Sort {
    NYM("nym", "Name A→Z"),
    TENURE("tenure", "Oldest first"),
    BADGE_COUNT("badgeCount", "Most badges");

    private final String value;
    private final String label;

    Sort(String value, String label) {
      this.value = value;
      this.label = label;
    }

    String value() {
      return value;
    }

    String label() {
      return label;
    }

    static Optional<Sort> fromValue(String value) {
      return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
  }

  DirectoryState {
    if (page < 1) {
      page = 1;
    }
  }

  static DirectoryState defaults() {
    return new DirectoryState(1, Optional.empty(), Sort.NYM);
  }

  DirectoryState withPage(int newPage) {
    return new DirectoryState(newPage, tier, sort);
  }

  /** A filter change resets to page 1. */
  DirectoryState withTier(Optional<Tier> newTier) {
    return new DirectoryState(1, newTier, sort);
  }

  /** A sort change resets to page 1. */
  DirectoryState withSort(Sort newSort) {
    return new DirectoryState(1, tier, newSort);
  }

  String tierValue() {
    return tier.map(Tier::id).orElse(ALL_TIERS);
  }

  String encode() {
    return "page=" + page + ";tier=" + tierValue() + ";sort=" + sort.value();
  }

  static DirectoryState decode(String value) {
    Map<String, String> parts = new HashMap<>();
    for (String part : value.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    try {
      int page = Integer.parseInt(parts.getOrDefault("page", "1"));
      String tierId = parts.getOrDefault("tier", ALL_TIERS);
      Optional<Tier> tier = tierId.equals(ALL_TIERS) ? Optional.empty() : Tier.fromId(tierId);
      if (!tierId.equals(ALL_TIERS) && tier.isEmpty()) {
        return defaults();
      }
      Sort sort = Sort.fromValue(parts.getOrDefault("sort", Sort.NYM.value())).orElse(Sort.NYM);
      return new DirectoryState(page, tier, sort);
    } catch (NumberFormatException ex) {
      return defaults();
    }
  }
}
