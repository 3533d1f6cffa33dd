package io.arrakis.discord;

import java.util.Objects;

/** Discord's length limits, checked when a value is built. */
final class Limits {
  private Limits() {}

  static void length(String what, String value, int max) {
    Objects.requireNonNull(value, what);
    if (value.length() > max) {
      throw new IllegalArgumentException(
          what + " is at most " + max + " characters, got " + value.length());
    }
  }

  static void nonBlank(String what, String value, int max) {
    length(what, value, max);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }

  static void customId(String value) {
    nonBlank("custom_id", value, 100);
  }
}
