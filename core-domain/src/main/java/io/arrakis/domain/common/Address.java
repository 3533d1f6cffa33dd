package io.arrakis.domain.common;

import java.util.Optional;
import java.util.regex.Pattern;

/** An EVM address, always stored lower-case (spec §1.1). */
public record Address(String value) implements Comparable<Address> {

  private static final Pattern INPUT = Pattern.compile("^0x[0-9a-fA-F]{40}$");

  public static final Address ZERO = new Address("0x0000000000000000000000000000000000000000");

  public Address {
    if (!INPUT.matcher(value).matches()) {
      throw new IllegalArgumentException("not an address: " + value);
    }
    value = value.toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses user input in any case; empty when it does not match {@code ^0x[0-9a-fA-F]{40}$}. */
  public static Optional<Address> parse(String input) {
    String trimmed = input.strip();
    return INPUT.matcher(trimmed).matches() ? Optional.of(new Address(trimmed)) : Optional.empty();
  }

  public static boolean isValid(String input) {
    return INPUT.matcher(input.strip()).matches();
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
