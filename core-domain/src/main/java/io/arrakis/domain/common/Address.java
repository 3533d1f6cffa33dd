package io.arrakis.domain.common;

import java.util.Optional;

/** An EVM address, always stored lower-case (spec §1.1). */
public record Address(String value) implements Comparable<Address> {

  private static final int LENGTH = 42;

  public static final Address ZERO = new Address("0x0000000000000000000000000000000000000000");

  public Address {
    if (!matches(value)) {
      throw new IllegalArgumentException("not an address: " + value);
    }
    value = value.toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses user input in any case; empty when it does not match {@code ^0x[0-9a-fA-F]{40}$}. */
  public static Optional<Address> parse(String input) {
    String trimmed = input.strip();
    return matches(trimmed) ? Optional.of(new Address(trimmed)) : Optional.empty();
  }

  public static boolean isValid(String input) {
    return matches(input.strip());
  }

  /**
   * Whether {@code s} is exactly {@code ^0x[0-9a-fA-F]{40}$}. Checked by hand rather than with a
   * regular expression: every address read from the database is built through here, and a regex
   * match per row was a measurable share of a command's CPU.
   */
  private static boolean matches(String s) {
    if (s.length() != LENGTH || s.charAt(0) != '0' || s.charAt(1) != 'x') {
      return false;
    }
    for (int i = 2; i < LENGTH; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  /** {@code 0x1234...abcd}: first 6 and last 4 characters, as public surfaces show it. */
  public String truncated() {
    return value.substring(0, 6) + "..." + value.substring(value.length() - 4);
  }

  @Override
  public int compareTo(Address other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
