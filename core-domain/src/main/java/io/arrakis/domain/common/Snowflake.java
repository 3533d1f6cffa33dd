package io.arrakis.domain.common;

/** A Discord id of a guild, role or channel. */
public record Snowflake(long value) {
  @Override
  public String toString() {
    return Long.toUnsignedString(value);
  }
}
