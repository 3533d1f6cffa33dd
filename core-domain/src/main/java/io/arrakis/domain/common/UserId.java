package io.arrakis.domain.common;

/** A Discord user's snowflake. */
public record UserId(long value) {
  @Override
  public String toString() {
    return Long.toUnsignedString(value);
  }
}
